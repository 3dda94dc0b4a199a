package org.rfcbridge.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.item.ItemReader;
import org.rfcbridge.protocol.item.ItemWriter;

class ItemChainTest {

    @Test
    void itemsRepeatTheirIdAsClosingTag() throws Exception {
        byte[] chain = new ItemWriter().empty(ItemIds.CALL_START).utf16(ItemIds.KERNEL_RELEASE, "754").end().toByteArray();
        assertEquals("050200000502" + "000b0006370035003400000b" + "ffff0000ffff", HexFormat.of().formatHex(chain));
    }

    @Test
    void longValuesUseTheExtendedLength() throws Exception {
        byte[] big = new byte[70_000];
        big[69_999] = 7;
        byte[] chain = new ItemWriter().item(ItemIds.TABLE_ROW, big).end().toByteArray();
        assertEquals("0303ffff00011170", HexFormat.of().formatHex(chain, 0, 8));
        ItemReader reader = new ItemReader(chain);
        assertTrue(reader.next());
        assertEquals(70_000, reader.valueLength());
        assertArrayEquals(big, reader.value());
        assertTrue(reader.next());
        assertTrue(reader.ended());
        assertFalse(reader.next());
    }

    @Test
    void theLogonEyecatcherIsRecognisedAndSkipped() throws Exception {
        byte[] chain = new ItemWriter().eyecatcher().empty(ItemIds.LOGON_MARKER).end().toByteArray();
        assertEquals("d9c6c3f0f0f0f0f0f0f0f0f0", HexFormat.of().formatHex(chain, 0, 12));
        ItemReader reader = new ItemReader(chain);
        assertTrue(reader.hadEyecatcher());
        assertTrue(reader.next());
        assertEquals(ItemIds.LOGON_MARKER, reader.id());
    }

    @Test
    void malformedChainsAreRefusedWithTheOffset() {
        RfcProtocolException closing = assertThrows(RfcProtocolException.class,
                () -> walk("05020000050300000000ffff0000ffff"));
        assertEquals("item 0502 is closed by 0503 (at byte offset 4)", closing.getMessage());
        RfcProtocolException tooLong = assertThrows(RfcProtocolException.class, () -> walk("0102ff000000"));
        assertEquals(4, tooLong.offset());
        RfcProtocolException extended = assertThrows(RfcProtocolException.class, () -> walk("0303ffff7fffffff00"));
        assertTrue(extended.problem().contains("announces 2147483647 bytes but only 1 remain"), extended.problem());
        RfcProtocolException truncated = assertThrows(RfcProtocolException.class, () -> walk("05"));
        assertTrue(truncated.problem().startsWith("the chain ends inside an item header"));
        RfcProtocolException tooMany = assertThrows(RfcProtocolException.class, () -> {
            ItemReader reader = new ItemReader(HexFormat.of().parseHex("050200000502050200000502"), 0, 12, 1);
            while (reader.next()) {
                // walk
            }
        });
        assertTrue(tooMany.problem().contains("more than 1 items"));
    }

    @Test
    void everyDocumentedIdHasAName() {
        assertEquals("CALL_START", ItemIds.name(0x0502));
        assertEquals("XRFC_CHUNK", ItemIds.name(0x3c05));
        assertEquals("S4_TABLE_DESCRIPTOR", ItemIds.name(0x0333));
        assertEquals("UNKNOWN", ItemIds.name(0x7777));
        assertEquals("0502", ItemIds.hex(0x0502));
    }

    private static void walk(String hex) throws RfcProtocolException {
        ItemReader reader = new ItemReader(HexFormat.of().parseHex(hex));
        while (reader.next()) {
            reader.value();
        }
    }
}
