package org.rfcbridge.api;

/** A classic exception raised by the called function ({@code RAISE key} or {@code MESSAGE ... RAISING key}). */
public class AbapException extends RfcException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final AbapMessage abapMessage;

    /** An exception with its key and a text (the key itself where the function gave none). */
    public AbapException(String key, String text) {
        this(key, text, null);
    }

    /** An exception raised with a message ({@code MESSAGE ... RAISING}). */
    public AbapException(String key, String text, AbapMessage abapMessage) {
        super(text == null || text.isEmpty() ? key : text);
        this.key = key;
        this.abapMessage = abapMessage;
    }

    /** The exception key, e.g. {@code NOT_FOUND}. */
    public String key() {
        return key;
    }

    /** The message raised with it, or {@code null}. */
    public AbapMessage abapMessage() {
        return abapMessage;
    }

    @Override
    public RfcErrorKind kind() {
        return RfcErrorKind.ABAP_EXCEPTION;
    }
}
