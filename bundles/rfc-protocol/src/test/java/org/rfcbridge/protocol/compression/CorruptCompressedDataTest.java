package org.rfcbridge.protocol.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.rfcbridge.protocol.RfcProtocolException;

/** Bad compressed data is refused with an offset and a reason, and never makes the decoder allocate what it claims. */
class CorruptCompressedDataTest {
    private static final byte[] ROWS = rows();

    private static byte[] rows() {
        byte[] b = new byte[20_000];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i % 404 < 60 ? 'A' + i % 7 : ' ');
        }
        return b;
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void roundTripsItsOwnOutput(Algorithm algorithm) throws Exception {
        byte[] c = Compressor.compress(algorithm, ROWS, 0, ROWS.length);
        assertArrayEquals(ROWS, Decompressor.decompress(c, 0, c.length, ROWS.length));
    }

    @Test
    void aFewBytesClaimingFourGigabytesAreRefusedBeforeAnyAllocation() {
        byte[] bomb = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x12, 0x1f, (byte) 0x9d, 0x02, 0, 0};
        RfcProtocolException e = assertThrows(RfcProtocolException.class,
                () -> Decompressor.decompress(bomb, 0, bomb.length, 64 << 20));
        assertTrue(e.getMessage().contains("claims 4294967295 bytes, more than the 67108864 allowed"), e.getMessage());
    }

    @Test
    void aHeaderWithoutSapsMagicIsRefused() {
        byte[] c = Compressor.compress(Algorithm.LZH, ROWS, 0, ROWS.length);
        c[5] = 0x1e;
        RfcProtocolException e = assertThrows(RfcProtocolException.class,
                () -> Decompressor.decompress(c, 0, c.length, ROWS.length));
        assertTrue(e.getMessage().contains("magic 1F 9D"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void aStreamThatEndsEarlyIsRefused(Algorithm algorithm) {
        byte[] c = Compressor.compress(algorithm, ROWS, 0, ROWS.length);
        byte[] cut = Arrays.copyOf(c, c.length / 2);
        RfcProtocolException e = assertThrows(RfcProtocolException.class,
                () -> Decompressor.decompress(cut, 0, cut.length, ROWS.length));
        assertTrue(e.getMessage().contains("ends"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void outputLongerThanDeclaredIsRefused(Algorithm algorithm) {
        byte[] c = Compressor.compress(algorithm, ROWS, 0, ROWS.length);
        c[0] = (byte) (c[0] - 100); // declares 100 bytes fewer than the stream holds
        RfcProtocolException e = assertThrows(RfcProtocolException.class,
                () -> Decompressor.decompress(c, 0, c.length, ROWS.length));
        assertTrue(e.getMessage().contains("more than"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void outputShorterThanDeclaredIsRefused(Algorithm algorithm) {
        byte[] c = Compressor.compress(algorithm, ROWS, 0, ROWS.length);
        c[1] = (byte) (c[1] + 1); // declares 256 bytes more
        RfcProtocolException e = assertThrows(RfcProtocolException.class,
                () -> Decompressor.decompress(c, 0, c.length, ROWS.length + 256));
        assertTrue(e.getMessage().contains("ends after 20000 of the 20256 bytes"), e.getMessage());
    }

    @Test
    void anLzcCodeBeyondTheTableIsRefused() {
        // 'A', then code 300 while the table holds 257 entries
        byte[] c = {2, 0, 0, 0, 0x11, 0x1f, (byte) 0x9d, (byte) 0x8d, 0x41, 0x58, 0x02, 0};
        RfcProtocolException e = assertThrows(RfcProtocolException.class,
                () -> Decompressor.decompress(c, 0, c.length, 100));
        assertTrue(e.getMessage().contains("beyond the table"), e.getMessage());
    }

    @Test
    void corruptLzhIsRefused() {
        byte[] c = Compressor.compress(Algorithm.LZH, ROWS, 0, ROWS.length);
        // block type 3 does not exist
        c[8] = (byte) (c[8] | 0x18);
        RfcProtocolException e = assertThrows(RfcProtocolException.class,
                () -> Decompressor.decompress(c, 0, c.length, ROWS.length));
        assertTrue(e.getMessage().contains("LZH"), e.getMessage());
    }
}
