package org.rfcbridge.api;

/**
 * COMMUNICATION_FAILURE: the partner could not be reached or the connection broke: refused or timed
 * out connections, TLS failures, an HTTP status other than 101, a closed conversation.
 */
public class CommunicationFailureException extends RfcException {
    private static final long serialVersionUID = 1L;

    /** Creates the failure with its text. */
    public CommunicationFailureException(String message) {
        super(message);
    }

    /** Creates the failure with its text and cause. */
    public CommunicationFailureException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public RfcErrorKind kind() {
        return RfcErrorKind.COMMUNICATION_FAILURE;
    }
}
