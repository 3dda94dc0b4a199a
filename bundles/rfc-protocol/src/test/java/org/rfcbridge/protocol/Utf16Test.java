package org.rfcbridge.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.rfcbridge.protocol.item.Utf16;

class Utf16Test {
    @Test
    void wellFormedTextIsWhatTheCharsetWrites() {
        for (String text : new String[] {"", "STFC_CONNECTION", "Grüße, 東京 🚀", "\u0000\uffff"}) {
            byte[] bytes = Utf16.encode(text);
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_16LE), bytes, text);
            assertEquals(text, Utf16.decode(bytes, 0, bytes.length), text);
        }
    }

    @Test
    void codeUnitsPassAsTheyAreWhereTheCharsetWouldReplaceThem() {
        String loneSurrogate = "A\ud800";
        byte[] bytes = Utf16.encode(loneSurrogate);
        assertEquals("410000d8", HexFormat.of().formatHex(bytes));
        assertEquals(loneSurrogate, Utf16.decode(bytes, 0, bytes.length));
    }

    @Test
    void decodesFromAnOffsetAndLeavesOutAnOddLastByte() {
        byte[] bytes = HexFormat.of().parseHex("ff4100420043");
        assertEquals("AB", Utf16.decode(bytes, 1, 4));
        assertEquals("AB", Utf16.decode(bytes, 1, 5));
    }
}
