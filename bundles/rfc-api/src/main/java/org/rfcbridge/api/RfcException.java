package org.rfcbridge.api;

/**
 * An RFC call that did not succeed, of one of the kinds an ABAP caller distinguishes. The message is
 * written for an administrator: what failed, where, and what to check. It never contains a secret.
 */
public abstract class RfcException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with its administrator-facing text. */
    protected RfcException(String message) {
        super(message);
    }

    /** Creates the exception with its text and the cause. */
    protected RfcException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Which error an ABAP caller sees. */
    public abstract RfcErrorKind kind();
}
