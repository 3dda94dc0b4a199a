package org.rfcbridge.protocol.item;

/**
 * Text as SAP's Unicode systems write it (code page 4103): each UTF-16 code unit of the text as two bytes,
 * little-endian. Code units pass as they are, unpaired surrogates included, as the data model's character fields
 * do; the JDK's UTF-16LE charset would replace them. Written by hand because that charset builds a new encoder or
 * decoder for every text on Java 17, the largest share of a small call's codec time in the profile of
 * docs/performance.md ("UTF-16 without the charset").
 */
public final class Utf16 {
    private Utf16() {
    }

    /** The text's code units, two bytes each, low byte first. */
    public static byte[] encode(String text) {
        byte[] bytes = new byte[text.length() * 2];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes[2 * i] = (byte) c;
            bytes[2 * i + 1] = (byte) (c >>> 8);
        }
        return bytes;
    }

    /** The text of {@code length} bytes from {@code offset}; an odd last byte is left out. */
    public static String decode(byte[] b, int offset, int length) {
        char[] text = new char[length / 2];
        for (int i = 0; i < text.length; i++) {
            text[i] = (char) ((b[offset + 2 * i] & 0xff) | (b[offset + 2 * i + 1] & 0xff) << 8);
        }
        return new String(text);
    }
}
