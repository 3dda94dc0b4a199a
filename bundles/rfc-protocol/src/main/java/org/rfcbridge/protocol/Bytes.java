package org.rfcbridge.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Big-endian field access and fixed-width ASCII fields, as the gateway and APPC headers use them. */
public final class Bytes {
    private Bytes() {
    }

    /** Unsigned 16-bit big-endian value. */
    public static int u16(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 8) | (b[offset + 1] & 0xff);
    }

    /** Signed 32-bit big-endian value. */
    public static int i32(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 24) | ((b[offset + 1] & 0xff) << 16) | ((b[offset + 2] & 0xff) << 8)
                | (b[offset + 3] & 0xff);
    }

    /** Unsigned 32-bit big-endian value. */
    public static long u32(byte[] b, int offset) {
        return i32(b, offset) & 0xffffffffL;
    }

    /** Writes a 16-bit big-endian value. */
    public static void putU16(byte[] b, int offset, int value) {
        b[offset] = (byte) (value >>> 8);
        b[offset + 1] = (byte) value;
    }

    /** Writes a 32-bit big-endian value. */
    public static void putI32(byte[] b, int offset, long value) {
        b[offset] = (byte) (value >>> 24);
        b[offset + 1] = (byte) (value >>> 16);
        b[offset + 2] = (byte) (value >>> 8);
        b[offset + 3] = (byte) value;
    }

    /** A fixed-width field as text, byte for byte (ISO-8859-1), padding included. */
    public static String latin1(byte[] b, int offset, int length) {
        return new String(b, offset, length, StandardCharsets.ISO_8859_1);
    }

    /** Writes text into a fixed-width field: cut to the width, the rest filled with {@code pad}. */
    public static void putLatin1(byte[] b, int offset, int length, String text, byte pad) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        int n = Math.min(length, bytes.length);
        System.arraycopy(bytes, 0, b, offset, n);
        Arrays.fill(b, offset + n, offset + length, pad);
    }

    /** A padded field's text without trailing blanks and NULs. */
    public static String trimmed(String field) {
        int end = field.length();
        while (end > 0 && (field.charAt(end - 1) == ' ' || field.charAt(end - 1) == 0)) {
            end--;
        }
        return field.substring(0, end);
    }

    /** Lower-case hex of a byte range. */
    public static String hex(byte[] b, int offset, int length) {
        StringBuilder text = new StringBuilder(2 * length);
        for (int i = offset; i < offset + length; i++) {
            text.append(Character.forDigit((b[i] >>> 4) & 0xf, 16)).append(Character.forDigit(b[i] & 0xf, 16));
        }
        return text.toString();
    }

    /**
     * The parts of a message received piece by piece, joined in one array of {@code size} bytes (one part
     * is returned as it is). Each part is dropped from the list once copied, so a message of hundreds of
     * megabytes never exists twice in full; the list is empty afterwards.
     */
    public static byte[] join(List<byte[]> parts, long size) {
        if (parts.size() == 1 && parts.get(0).length == size) {
            return parts.remove(0);
        }
        byte[] joined = new byte[Math.toIntExact(size)];
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            byte[] part = parts.set(i, null);
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        parts.clear();
        return joined;
    }
}
