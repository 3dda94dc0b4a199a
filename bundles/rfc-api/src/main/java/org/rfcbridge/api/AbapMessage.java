package org.rfcbridge.api;

/**
 * An ABAP message (T100): class, type, number and the variables V1 to V4, with its text.
 *
 * @param messageClass message class (ARBGB), e.g. {@code SR}
 * @param type         message type: E, A, X, W, I or S
 * @param number       message number, three digits
 * @param v1           variable 1 (may be empty)
 * @param v2           variable 2
 * @param v3           variable 3
 * @param v4           variable 4
 * @param text         the message text with the variables filled in (may be empty)
 */
public record AbapMessage(String messageClass, String type, String number, String v1, String v2, String v3,
                          String v4, String text) {
    /** Replaces missing parts by empty strings. */
    public AbapMessage {
        messageClass = orEmpty(messageClass);
        type = orEmpty(type);
        number = orEmpty(number);
        v1 = orEmpty(v1);
        v2 = orEmpty(v2);
        v3 = orEmpty(v3);
        v4 = orEmpty(v4);
        text = orEmpty(text);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The message as SAP GUI shows its short form, e.g. {@code E SR 012: text}. */
    @Override
    public String toString() {
        String id = (type + " " + messageClass + " " + number).trim();
        return text.isEmpty() ? id : id + ": " + text;
    }
}
