package org.rfcbridge.api;

/**
 * SYSTEM_FAILURE: the call failed in the called system or in the bridge (a short dump, an unknown
 * function, a refused function, no matching routing rule). The text says what an administrator can do.
 */
public class SystemFailureException extends RfcException {
    private static final long serialVersionUID = 1L;
    private final String runtimeError;

    /** Creates the failure with its text. */
    public SystemFailureException(String message) {
        this(message, null, null);
    }

    /** Creates the failure with its text and cause. */
    public SystemFailureException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * Creates the failure with the ABAP runtime error it stands for, e.g. {@code CALL_FUNCTION_NOT_FOUND}.
     *
     * @param runtimeError the runtime error name, or {@code null} if none applies
     */
    public SystemFailureException(String message, String runtimeError, Throwable cause) {
        super(message, cause);
        this.runtimeError = runtimeError;
    }

    /** The ABAP runtime error name, or {@code null}. */
    public String runtimeError() {
        return runtimeError;
    }

    @Override
    public RfcErrorKind kind() {
        return RfcErrorKind.SYSTEM_FAILURE;
    }
}
