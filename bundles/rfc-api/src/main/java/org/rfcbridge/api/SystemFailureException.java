package org.rfcbridge.api;

/**
 * SYSTEM_FAILURE: the call failed in the called system or in the bridge (a short dump, an unknown
 * function, a refused function, no matching routing rule). The text says what an administrator can do.
 */
public class SystemFailureException extends RfcException {
    private static final long serialVersionUID = 1L;

    /** Creates the failure with its text. */
    public SystemFailureException(String message) {
        super(message);
    }

    /** Creates the failure with its text and cause. */
    public SystemFailureException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public RfcErrorKind kind() {
        return RfcErrorKind.SYSTEM_FAILURE;
    }
}
