package org.rfcbridge.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HexFormat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DecimalFloatsTest {

    private static String encode(String value, int bytes) {
        byte[] buffer = new byte[bytes];
        DecimalFloats.encode(new BigDecimal(value), buffer, 0, bytes);
        return HexFormat.of().formatHex(buffer);
    }

    private static BigDecimal decode(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        return DecimalFloats.decode(bytes, 0, bytes.length);
    }

    @Test
    void openRfcVectorsInItsLittleEndianOrder() {
        // protocol-cpic.md §2.8.1 (open-rfc test/decimal-float.test.ts); the byte order itself is unverified
        assertEquals("c549000000003022", encode("123.45", 8));
        assertEquals("0100000000003822", encode("1", 8));
        assertEquals(new BigDecimal("123.45"), decode("c549000000003022"));
    }

    @Test
    void ieeeLayoutOfKnownDecimal64Values() {
        // big-endian IEEE 754-2008 examples: 1 = 2238000000000001, -7.50 = A2300000000003D0
        assertEquals("2238000000000001", reverse(encode("1", 8)));
        assertEquals("a2300000000003d0", reverse(encode("-7.50", 8)));
        assertEquals(new BigDecimal("-7.50"), decode(reverse("a2300000000003d0")));
        // decimal128 of 1: 2208000000000000 0000000000000001
        assertEquals("22080000000000000000000000000001", reverse(encode("1", 16)));
    }

    @Test
    void everyDeclarationOfThreeDigitsRoundTrips() {
        for (int n = 0; n < 1000; n++) {
            int declet = DecimalFloats.encodeDeclet(n / 100, n / 10 % 10, n % 10);
            StringBuilder digits = new StringBuilder();
            DecimalFloats.appendDeclet(declet, digits);
            assertEquals(String.format("%03d", n), digits.toString(), "declet " + Integer.toBinaryString(declet));
        }
    }

    @Test
    void infinitiesAndNanAreRefused() {
        assertEquals("infinity has no decimal value",
                assertThrows(ArithmeticException.class, () -> decode(reverse("7800000000000000"))).getMessage());
        assertEquals("NaN has no decimal value",
                assertThrows(ArithmeticException.class, () -> decode(reverse("7c00000000000000"))).getMessage());
        assertThrows(ArithmeticException.class, () -> encode("1E+400", 8));
        assertThrows(IllegalArgumentException.class, () -> encode("1", 4));
    }

    @Test
    void valuesBeyondThePrecisionAreRoundedHalfUp() {
        assertEquals(new BigDecimal("1.234567890123457"), decode(encode("1.2345678901234567", 8)));
    }

    @Property(tries = 2000)
    void decimal64RoundTrips(@ForAll @LongRange(min = -9_999_999_999_999_999L, max = 9_999_999_999_999_999L) long unscaled,
                             @ForAll @IntRange(min = -360, max = 380) int scale) {
        BigDecimal value = BigDecimal.valueOf(unscaled, scale).round(new MathContext(16, RoundingMode.HALF_UP));
        byte[] buffer = new byte[8];
        DecimalFloats.encode(value, buffer, 0, 8);
        assertEquals(0, value.compareTo(DecimalFloats.decode(buffer, 0, 8)), value.toString());
    }

    @Property(tries = 2000)
    void decimal128RoundTrips(@ForAll @LongRange(min = Long.MIN_VALUE + 1) long unscaled,
                              @ForAll @IntRange(min = -6000, max = 6000) int scale) {
        BigDecimal value = BigDecimal.valueOf(unscaled, scale).multiply(BigDecimal.valueOf(unscaled));
        BigDecimal expected = value.round(new MathContext(34, RoundingMode.HALF_UP));
        byte[] buffer = new byte[16];
        DecimalFloats.encode(value, buffer, 0, 16);
        assertEquals(0, expected.compareTo(DecimalFloats.decode(buffer, 0, 16)), value.toString());
    }

    private static String reverse(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        for (int i = 0; i < bytes.length / 2; i++) {
            byte b = bytes[i];
            bytes[i] = bytes[bytes.length - 1 - i];
            bytes[bytes.length - 1 - i] = b;
        }
        return HexFormat.of().formatHex(bytes);
    }
}
