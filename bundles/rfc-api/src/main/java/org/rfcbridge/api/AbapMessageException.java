package org.rfcbridge.api;

/** The call ended with an ABAP message of type E, A or X; the ABAP caller receives it as SYSTEM_FAILURE. */
public class AbapMessageException extends RfcException {
    private static final long serialVersionUID = 1L;
    private final AbapMessage abapMessage;

    /** Creates the exception for the message. */
    public AbapMessageException(AbapMessage abapMessage) {
        super(abapMessage.toString());
        this.abapMessage = abapMessage;
    }

    /** The message. */
    public AbapMessage abapMessage() {
        return abapMessage;
    }

    @Override
    public RfcErrorKind kind() {
        return RfcErrorKind.ABAP_MESSAGE;
    }
}
