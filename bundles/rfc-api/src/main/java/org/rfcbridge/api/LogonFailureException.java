package org.rfcbridge.api;

/** The partner refused the logon: wrong user, alias user, password or client. */
public class LogonFailureException extends RfcException {
    private static final long serialVersionUID = 1L;

    /** Creates the failure with the partner's text. */
    public LogonFailureException(String message) {
        super(message);
    }

    @Override
    public RfcErrorKind kind() {
        return RfcErrorKind.LOGON_FAILURE;
    }
}
