package org.rfcbridge.api.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;

/**
 * Reads and writes single values in the ABAP Unicode layout: UTF-16LE characters, little-endian
 * integers and doubles, packed BCD. These are the wire forms of {@code protocol-cpic.md} §2.8.1, so a
 * buffer written here is what the classic serializer sends.
 */
final class FieldCodec {
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Sign nibbles written: C for positive, D for negative (what ABAP writes). */
    static final int BCD_PLUS = 0xC;
    static final int BCD_MINUS = 0xD;

    private FieldCodec() {
    }

    static String readChars(byte[] buffer, int offset, int chars) {
        char[] text = new char[chars];
        for (int i = 0; i < chars; i++) {
            text[i] = (char) ((short) SHORT_LE.get(buffer, offset + 2 * i));
        }
        return new String(text);
    }

    /** Characters without trailing blanks and NULs (ABAP ignores trailing blanks of C fields). */
    static String readTrimmedChars(byte[] buffer, int offset, int chars) {
        int end = chars;
        while (end > 0) {
            char c = (char) ((short) SHORT_LE.get(buffer, offset + 2 * (end - 1)));
            if (c != ' ' && c != 0) {
                break;
            }
            end--;
        }
        return readChars(buffer, offset, end);
    }

    /** Writes text left-aligned, padded with {@code pad}; the caller has checked that it fits. */
    static void writeChars(byte[] buffer, int offset, int chars, String text, char pad) {
        int length = text.length();
        for (int i = 0; i < chars; i++) {
            SHORT_LE.set(buffer, offset + 2 * i, (short) (i < length ? text.charAt(i) : pad));
        }
    }

    /** Writes text right-aligned, padded on the left with {@code pad} (NUMC). */
    static void writeCharsRight(byte[] buffer, int offset, int chars, String text, char pad) {
        int fill = chars - text.length();
        for (int i = 0; i < chars; i++) {
            SHORT_LE.set(buffer, offset + 2 * i, (short) (i < fill ? pad : text.charAt(i - fill)));
        }
    }

    /** Writes a non-negative number as {@code digits} UTF-16LE decimal digits, zero-padded on the left. */
    static void writeDigits(byte[] buffer, int offset, int digits, int value) {
        int rest = value;
        for (int i = digits - 1; i >= 0; i--) {
            SHORT_LE.set(buffer, offset + 2 * i, (short) ('0' + rest % 10));
            rest /= 10;
        }
    }

    static long readInteger(byte[] buffer, int offset, int size, boolean unsignedByte) {
        switch (size) {
            case 1: return unsignedByte ? buffer[offset] & 0xff : buffer[offset];
            case 2: return (short) SHORT_LE.get(buffer, offset);
            case 4: return (int) INT_LE.get(buffer, offset);
            case 8: return (long) LONG_LE.get(buffer, offset);
            default: throw new IllegalArgumentException("no integer of " + size + " bytes");
        }
    }

    static void writeInteger(byte[] buffer, int offset, int size, long value) {
        switch (size) {
            case 1: buffer[offset] = (byte) value; break;
            case 2: SHORT_LE.set(buffer, offset, (short) value); break;
            case 4: INT_LE.set(buffer, offset, (int) value); break;
            case 8: LONG_LE.set(buffer, offset, value); break;
            default: throw new IllegalArgumentException("no integer of " + size + " bytes");
        }
    }

    static double readDouble(byte[] buffer, int offset) {
        return Double.longBitsToDouble((long) LONG_LE.get(buffer, offset));
    }

    static void writeDouble(byte[] buffer, int offset, double value) {
        LONG_LE.set(buffer, offset, Double.doubleToRawLongBits(value));
    }

    /**
     * Decodes a packed number. Sign nibbles A, C, E and F are positive, B and D negative (open-rfc's
     * reading; saprfclib reads B as positive, {@code protocol-cpic.md} §2.8.1).
     *
     * @return the value, or {@code null} where a digit nibble is not 0-9 or the sign nibble is not A-F
     */
    static BigDecimal readBcd(byte[] buffer, int offset, int length, int decimals) {
        long small = 0;
        BigInteger big = null;
        int digits = 2 * length - 1;
        for (int i = 0; i < digits; i++) {
            int b = buffer[offset + i / 2];
            int nibble = i % 2 == 0 ? (b >>> 4) & 0xf : b & 0xf;
            if (nibble > 9) {
                return null;
            }
            if (big == null && small < 100_000_000_000_000_000L) {
                small = small * 10 + nibble;
            } else {
                big = (big == null ? BigInteger.valueOf(small) : big).multiply(BigInteger.TEN).add(BigInteger.valueOf(nibble));
            }
        }
        int sign = buffer[offset + length - 1] & 0xf;
        if (sign < 0xA) {
            return null;
        }
        BigInteger unscaled = big == null ? BigInteger.valueOf(small) : big;
        if (sign == 0xB || sign == 0xD) {
            unscaled = unscaled.negate();
        }
        return new BigDecimal(unscaled, decimals);
    }

    /** Encodes a value that has exactly {@code decimals} decimals and fits the digits. */
    static void writeBcd(byte[] buffer, int offset, int length, BigDecimal scaled) {
        String digits = scaled.unscaledValue().abs().toString();
        int nibbles = 2 * length;
        int nibble = nibbles - 1;
        setNibble(buffer, offset, nibble--, scaled.signum() < 0 ? BCD_MINUS : BCD_PLUS);
        for (int i = digits.length() - 1; i >= 0; i--) {
            setNibble(buffer, offset, nibble--, digits.charAt(i) - '0');
        }
        while (nibble >= 0) {
            setNibble(buffer, offset, nibble--, 0);
        }
    }

    private static void setNibble(byte[] buffer, int offset, int nibble, int value) {
        int index = offset + nibble / 2;
        if (nibble % 2 == 0) {
            buffer[index] = (byte) ((buffer[index] & 0x0f) | (value << 4));
        } else {
            buffer[index] = (byte) ((buffer[index] & 0xf0) | value);
        }
    }

    static String hex(byte[] buffer, int offset, int length) {
        char[] text = new char[2 * length];
        for (int i = 0; i < length; i++) {
            int b = buffer[offset + i] & 0xff;
            text[2 * i] = Character.toUpperCase(Character.forDigit(b >>> 4, 16));
            text[2 * i + 1] = Character.toUpperCase(Character.forDigit(b & 0xf, 16));
        }
        return new String(text);
    }

    /** Parses hex digits; returns {@code null} if the text is not an even number of hex digits. */
    static byte[] parseHex(String text) {
        if (text.length() % 2 != 0) {
            return null;
        }
        byte[] bytes = new byte[text.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = Character.digit(text.charAt(2 * i), 16);
            int low = Character.digit(text.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            bytes[i] = (byte) ((high << 4) | low);
        }
        return bytes;
    }
}
