package org.rfcbridge.api.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteOrder;

/**
 * ABAP {@code decfloat16}/{@code decfloat34}: IEEE 754-2008 decimal64/decimal128 with densely packed
 * decimal (DPD) coefficients, converted from and to {@link BigDecimal}.
 *
 * <p>The bit layout is the IEEE standard's. How SAP orders the 8 or 16 bytes on the wire is
 * <b>unverified</b>: open-rfc writes them little-endian ({@code 123.45} as {@code c549000000003022}),
 * saprfclib assumes big-endian, and no public capture settles it ({@code protocol-cpic.md} §2.8.1).
 * The choice is this one constant, {@link #WIRE_BYTE_ORDER}.
 */
public final class DecimalFloats {
    /** Byte order of DECF16/DECF34 values in buffers and on the wire. Unverified: open-rfc's choice. */
    public static final ByteOrder WIRE_BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;

    private static final Format DECIMAL64 = new Format(8, 16, 398, 8);
    private static final Format DECIMAL128 = new Format(16, 34, 6176, 12);

    private DecimalFloats() {
    }

    /** Encodes a value as decimal64 (8 bytes) or decimal128 (16 bytes), rounding half up to the precision. */
    public static void encode(BigDecimal value, byte[] target, int offset, int byteLength) {
        Format format = format(byteLength);
        BigDecimal rounded = value.round(new MathContext(format.precision, RoundingMode.HALF_UP));
        BigInteger coefficient = rounded.unscaledValue().abs();
        int exponent = -rounded.scale();
        // Large exponents with short coefficients are brought into range by padding the coefficient.
        while (exponent + format.bias > format.maxBiasedExponent() && coefficient.toString().length() < format.precision) {
            coefficient = coefficient.multiply(BigInteger.TEN);
            exponent--;
        }
        // Tiny exponents lose digits that fall below the smallest representable unit.
        if (exponent + format.bias < 0) {
            int drop = -(exponent + format.bias);
            BigDecimal shifted = new BigDecimal(coefficient).movePointLeft(drop).setScale(0, RoundingMode.HALF_UP);
            coefficient = shifted.toBigIntegerExact();
            exponent += drop;
        }
        int biased = exponent + format.bias;
        if (biased > format.maxBiasedExponent()) {
            throw new ArithmeticException("value " + value + " is too large for a " + format.precision + "-digit decimal float");
        }
        String digits = String.format("%0" + format.precision + "d", coefficient);
        long[] words = new long[byteLength / 8];                      // big-endian 64-bit words
        int leading = digits.charAt(0) - '0';
        int exponentHigh = biased >>> format.exponentContinuationBits;
        int combination = leading < 8 ? (exponentHigh << 3) | leading : 0b11000 | (exponentHigh << 1) | (leading & 1);
        int totalBits = byteLength * 8;
        setBits(words, totalBits, totalBits - 1, 1, value.signum() < 0 ? 1 : 0);
        setBits(words, totalBits, totalBits - 2, 5, combination);
        setBits(words, totalBits, totalBits - 7, format.exponentContinuationBits,
                biased & ((1 << format.exponentContinuationBits) - 1));
        int declets = (format.precision - 1) / 3;
        for (int i = 0; i < declets; i++) {
            int start = 1 + 3 * i;
            int declet = encodeDeclet(digits.charAt(start) - '0', digits.charAt(start + 1) - '0', digits.charAt(start + 2) - '0');
            setBits(words, totalBits, 10 * (declets - i) - 1, 10, declet);
        }
        writeWords(words, target, offset, byteLength);
    }

    /**
     * Decodes decimal64 or decimal128.
     *
     * @throws ArithmeticException for infinities and NaN, which {@link BigDecimal} cannot hold
     */
    public static BigDecimal decode(byte[] source, int offset, int byteLength) {
        Format format = format(byteLength);
        long[] words = readWords(source, offset, byteLength);
        int totalBits = byteLength * 8;
        boolean negative = getBits(words, totalBits, totalBits - 1, 1) == 1;
        int combination = (int) getBits(words, totalBits, totalBits - 2, 5);
        if ((combination & 0b11110) == 0b11110) {
            throw new ArithmeticException((combination == 0b11110 ? "infinity" : "NaN") + " has no decimal value");
        }
        int exponentHigh;
        int leading;
        if ((combination & 0b11000) == 0b11000) {
            exponentHigh = (combination >>> 1) & 0b11;
            leading = 8 | (combination & 1);
        } else {
            exponentHigh = combination >>> 3;
            leading = combination & 0b111;
        }
        int biased = (exponentHigh << format.exponentContinuationBits)
                | (int) getBits(words, totalBits, totalBits - 7, format.exponentContinuationBits);
        StringBuilder digits = new StringBuilder(format.precision).append(leading);
        int declets = (format.precision - 1) / 3;
        for (int i = 0; i < declets; i++) {
            int declet = (int) getBits(words, totalBits, 10 * (declets - i) - 1, 10);
            appendDeclet(declet, digits);
        }
        BigDecimal result = new BigDecimal(new BigInteger(digits.toString()), -(biased - format.bias));
        return negative ? result.negate() : result;
    }

    private static Format format(int byteLength) {
        if (byteLength == 8) {
            return DECIMAL64;
        }
        if (byteLength == 16) {
            return DECIMAL128;
        }
        throw new IllegalArgumentException("decimal floats are 8 or 16 bytes, not " + byteLength);
    }

    /** Three digits to a 10-bit declet, by the DPD encoding table of IEEE 754-2008. */
    static int encodeDeclet(int d2, int d1, int d0) {
        int a = d2 >>> 3, e = d1 >>> 3, i = d0 >>> 3;
        int bcd2 = d2 & 7, bcd1 = d1 & 7, bcd0 = d0 & 7;          // the low three bits b c d / f g h / j k m
        int d = d2 & 1, h = d1 & 1, m = d0 & 1;
        int jk = (d0 >>> 1) & 3, fg = (d1 >>> 1) & 3;
        switch ((a << 2) | (e << 1) | i) {
            case 0b000: return (bcd2 << 7) | (bcd1 << 4) | bcd0;
            case 0b001: return (bcd2 << 7) | (bcd1 << 4) | 0b1000 | m;
            case 0b010: return (bcd2 << 7) | (jk << 5) | (h << 4) | 0b1010 | m;
            case 0b100: return (jk << 8) | (d << 7) | (bcd1 << 4) | 0b1100 | m;
            case 0b110: return (jk << 8) | (d << 7) | (h << 4) | 0b1110 | m;
            case 0b101: return (fg << 8) | (d << 7) | (0b01 << 5) | (h << 4) | 0b1110 | m;
            case 0b011: return (bcd2 << 7) | (0b10 << 5) | (h << 4) | 0b1110 | m;
            default: return (d << 7) | (0b11 << 5) | (h << 4) | 0b1110 | m;
        }
    }

    /** A declet to three digits; also decodes the non-canonical declets as the standard requires. */
    static void appendDeclet(int declet, StringBuilder digits) {
        int high = (declet >>> 7) & 7, mid = (declet >>> 4) & 7, low = declet & 7;
        int b7 = (declet >>> 7) & 1, b4 = (declet >>> 4) & 1, b0 = declet & 1;
        int b98 = (declet >>> 8) & 3, b65 = (declet >>> 5) & 3;
        int d2, d1, d0;
        if ((declet & 0b1000) == 0) {
            d2 = high; d1 = mid; d0 = low;
        } else {
            switch ((declet >>> 1) & 3) {
                case 0b00: d2 = high; d1 = mid; d0 = 8 | b0; break;
                case 0b01: d2 = high; d1 = 8 | b4; d0 = (b65 << 1) | b0; break;
                case 0b10: d2 = 8 | b7; d1 = mid; d0 = (b98 << 1) | b0; break;
                default:
                    switch (b65) {
                        case 0b00: d2 = 8 | b7; d1 = 8 | b4; d0 = (b98 << 1) | b0; break;
                        case 0b01: d2 = 8 | b7; d1 = (b98 << 1) | b4; d0 = 8 | b0; break;
                        case 0b10: d2 = high; d1 = 8 | b4; d0 = 8 | b0; break;
                        default: d2 = 8 | b7; d1 = 8 | b4; d0 = 8 | b0; break;
                    }
            }
        }
        digits.append((char) ('0' + d2)).append((char) ('0' + d1)).append((char) ('0' + d0));
    }

    /** Sets {@code count} bits whose highest bit is bit {@code top} (0 = least significant of the value). */
    private static void setBits(long[] words, int totalBits, int top, int count, long value) {
        for (int k = 0; k < count; k++) {
            int bit = top - k;
            long one = (value >>> (count - 1 - k)) & 1;
            int word = (totalBits - 1 - bit) / 64;
            int shift = bit % 64;
            words[word] = (words[word] & ~(1L << shift)) | (one << shift);
        }
    }

    private static long getBits(long[] words, int totalBits, int top, int count) {
        long value = 0;
        for (int k = 0; k < count; k++) {
            int bit = top - k;
            int word = (totalBits - 1 - bit) / 64;
            value = (value << 1) | ((words[word] >>> (bit % 64)) & 1);
        }
        return value;
    }

    private static void writeWords(long[] words, byte[] target, int offset, int byteLength) {
        for (int i = 0; i < byteLength; i++) {
            int bigEndianIndex = i;                                   // byte i counted from the most significant
            long word = words[bigEndianIndex / 8];
            byte b = (byte) (word >>> (8 * (7 - bigEndianIndex % 8)));
            int position = WIRE_BYTE_ORDER == ByteOrder.BIG_ENDIAN ? i : byteLength - 1 - i;
            target[offset + position] = b;
        }
    }

    private static long[] readWords(byte[] source, int offset, int byteLength) {
        long[] words = new long[byteLength / 8];
        for (int i = 0; i < byteLength; i++) {
            int position = WIRE_BYTE_ORDER == ByteOrder.BIG_ENDIAN ? i : byteLength - 1 - i;
            words[i / 8] = (words[i / 8] << 8) | (source[offset + position] & 0xff);
        }
        return words;
    }

    private record Format(int byteLength, int precision, int bias, int exponentContinuationBits) {
        int maxBiasedExponent() {
            return 3 * (1 << exponentContinuationBits) - 1;
        }
    }
}
