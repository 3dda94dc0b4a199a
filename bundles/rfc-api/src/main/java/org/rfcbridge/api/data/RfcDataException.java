package org.rfcbridge.api.data;

/**
 * A value that cannot be read or written as asked: an unknown field name, a value that does not fit
 * the field (too long, too many digits, out of range), a bad date or time, or a conversion the field's
 * type does not support. The message names the record, the field and the value's problem.
 */
public class RfcDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the field and the problem. */
    public RfcDataException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the parse error behind it. */
    public RfcDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
