package org.rfcbridge.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.rfcbridge.protocol.ni.NiFrames;

class NiFramesTest {

    /** Delivers one byte per read, the worst split a TCP stream can make. */
    static InputStream trickle(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(1, len));
            }
        };
    }

    @Test
    void lengthPrefixIsBigEndianAndExcludesItself() {
        assertEquals("00000003524643", HexFormat.of().formatHex(NiFrames.encode(HexFormat.of().parseHex("524643"))));
        assertEquals("00000000", HexFormat.of().formatHex(NiFrames.encode(new byte[0])));
    }

    @Test
    void recordsSplitAnywhereAreReassembled() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        NiFrames.write(stream, new byte[] {1, 2, 3}, 0, 3);
        NiFrames.write(stream, new byte[0], 0, 0);
        NiFrames.write(stream, NiFrames.ping(), 0, 8);
        InputStream in = trickle(stream.toByteArray());
        assertArrayEquals(new byte[] {1, 2, 3}, NiFrames.read(in, 100));
        assertArrayEquals(new byte[0], NiFrames.read(in, 100));
        assertTrue(NiFrames.isPing(NiFrames.read(in, 100)));
        assertNull(NiFrames.read(in, 100), "clean end between records");
    }

    @Test
    void keepAlivePayloadsAreTheDocumentedBytes() {
        assertEquals("4e495f50494e4700", HexFormat.of().formatHex(NiFrames.ping()));
        assertEquals("4e495f504f4e4700", HexFormat.of().formatHex(NiFrames.pong()));
        assertTrue(NiFrames.isPong(NiFrames.pong()));
    }

    @Test
    void theLimitIsCheckedBeforeAllocating() {
        // 0x7fffffff announced: must be refused without trying to allocate 2 GB
        RfcProtocolException e = assertThrows(RfcProtocolException.class,
                () -> NiFrames.read(new ByteArrayInputStream(HexFormat.of().parseHex("7fffffff00")), 1024));
        assertEquals("NI record of 2147483647 bytes exceeds the limit of 1024 bytes (at byte offset 0)", e.getMessage());
        RfcProtocolException split = assertThrows(RfcProtocolException.class,
                () -> NiFrames.split(HexFormat.of().parseHex("0000000401020304ffffffff"), 1024));
        assertEquals(8, split.offset());
    }

    @Test
    void truncatedRecordsAreErrorsWithOffsets() {
        RfcProtocolException inPrefix = assertThrows(RfcProtocolException.class,
                () -> NiFrames.read(new ByteArrayInputStream(new byte[] {0, 0}), 10));
        assertTrue(inPrefix.getMessage().contains("inside an NI length prefix"));
        RfcProtocolException inPayload = assertThrows(RfcProtocolException.class,
                () -> NiFrames.read(trickle(HexFormat.of().parseHex("000000050102")), 10));
        assertEquals(6, inPayload.offset());
        RfcProtocolException shortSplit = assertThrows(RfcProtocolException.class,
                () -> NiFrames.split(HexFormat.of().parseHex("0000000501"), 10));
        assertEquals("NI record announces 5 bytes but only 1 follow", shortSplit.problem());
    }
}
