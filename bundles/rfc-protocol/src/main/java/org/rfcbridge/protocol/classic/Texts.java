package org.rfcbridge.protocol.classic;

import java.nio.charset.StandardCharsets;

import org.rfcbridge.protocol.item.Utf16;

/**
 * Text in item values. After logon a Unicode session writes UTF-16LE (code page 4103); the initial
 * logon's values and some gateway and logon-error texts are single-byte ({@code protocol-cpic.md}
 * §2.10). Where a decoder cannot know which, {@link #decode} tells them apart by the NUL high bytes
 * of UTF-16LE ASCII text.
 */
public final class Texts {
    private Texts() {
    }

    /** UTF-16LE when the value looks like it (even length, every second byte 0 for Latin text), else ISO-8859-1. */
    public static String decode(byte[] b, int offset, int length) {
        return looksLikeUtf16(b, offset, length)
                ? Utf16.decode(b, offset, length)
                : new String(b, offset, length, StandardCharsets.ISO_8859_1);
    }

    /** True if the bytes are plausibly UTF-16LE text. */
    public static boolean looksLikeUtf16(byte[] b, int offset, int length) {
        if (length == 0 || length % 2 != 0) {
            return false;
        }
        int zeros = 0;
        for (int i = offset + 1; i < offset + length; i += 2) {
            if (b[i] == 0) {
                zeros++;
            }
        }
        return zeros * 2 >= length / 2;
    }

    /** The text cut or padded with blanks to exactly {@code width} characters (a fixed-width CHAR value). */
    public static String padded(String text, int width) {
        return text.length() >= width ? text.substring(0, width) : text + " ".repeat(width - text.length());
    }

    /** Cuts a text to at most {@code max} characters, marking the cut. */
    public static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
