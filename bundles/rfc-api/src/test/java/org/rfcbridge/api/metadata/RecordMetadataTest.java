package org.rfcbridge.api.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecordMetadataTest {

    /** STFC_STRUCTURE's RFCTEST as SAP defines it. */
    static RecordMetadata rfcTest() {
        return RecordMetadata.builder("RFCTEST")
                .field("RFCFLOAT", AbapType.FLOAT)
                .field("RFCCHAR1", AbapType.CHAR, 1)
                .field("RFCINT2", AbapType.INT2)
                .field("RFCINT1", AbapType.INT1)
                .field("RFCCHAR4", AbapType.CHAR, 4)
                .field("RFCINT4", AbapType.INT4)
                .field("RFCHEX3", AbapType.RAW, 3)
                .field("RFCCHAR2", AbapType.CHAR, 2)
                .field("RFCTIME", AbapType.TIME)
                .field("RFCDATE", AbapType.DATE)
                .field("RFCDATA1", AbapType.CHAR, 50)
                .field("RFCDATA2", AbapType.CHAR, 50)
                .build();
    }

    @Test
    void computedOffsetsMatchTheUnicodeLayoutSapSends() {
        // protocol-cpic.md §2.8.2: FLOAT @0, CHAR1 @8, INT2 @10, CHAR4 @14, INT4 @24, DATE @48, 264 bytes
        RecordMetadata type = rfcTest();
        int[] expected = {0, 8, 10, 12, 14, 24, 28, 32, 36, 48, 64, 164};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], type.field(i).offset(), type.field(i).name());
        }
        assertEquals(264, type.byteLength());
        assertEquals(8, type.alignment());
        assertTrue(type.isFlat());
    }

    @Test
    void byteLengthsFollowTheAbapTypes() {
        RecordMetadata type = RecordMetadata.builder("ALL")
                .field("C", AbapType.CHAR, 3).field("N", AbapType.NUMC, 4).field("D", AbapType.DATE)
                .field("T", AbapType.TIME).field("X", AbapType.RAW, 5).field("B", AbapType.INT1)
                .field("S", AbapType.INT2).field("I", AbapType.INT4).field("L", AbapType.INT8)
                .field("F", AbapType.FLOAT).bcd("P", 8, 2).field("A", AbapType.DECF16).field("E", AbapType.DECF34)
                .field("UL", AbapType.UTCLONG).field("DD", AbapType.DTDAY).field("CD", AbapType.CDAY)
                .field("G", AbapType.STRING).field("Y", AbapType.XSTRING)
                .build();
        int[] lengths = {6, 8, 16, 12, 5, 1, 2, 4, 8, 8, 8, 8, 16, 8, 4, 2, 8, 8};
        for (int i = 0; i < lengths.length; i++) {
            assertEquals(lengths[i], type.field(i).byteLength(), type.field(i).name());
            assertEquals(0, type.field(i).offset() % type.field(i).type().alignment(), type.field(i) + " aligned");
        }
        assertEquals(2, type.deepCount());
        assertFalse(type.isFlat());
        assertEquals(0, type.find("G").deepIndex());
        assertEquals(1, type.find("Y").deepIndex());
        assertEquals(-1, type.find("C").deepIndex());
    }

    @Test
    void nestedFlatStructuresAreInlinedAndDeepOnesReferenced() {
        RecordMetadata inner = RecordMetadata.builder("INNER").field("A", AbapType.CHAR, 1).field("B", AbapType.INT4).build();
        RecordMetadata deepInner = RecordMetadata.builder("DEEP").field("S", AbapType.STRING).build();
        RecordMetadata outer = RecordMetadata.builder("OUTER")
                .field("X", AbapType.RAW, 1).structure("IN", inner).structure("DIN", deepInner)
                .table("ROWS", inner).build();
        assertEquals(4, outer.find("IN").offset(), "aligned to the inner structure's alignment");
        assertEquals(8, outer.find("IN").byteLength());
        assertFalse(outer.find("IN").isDeep());
        assertTrue(outer.find("DIN").isDeep());
        assertTrue(outer.find("ROWS").isDeep());
        assertEquals(16, outer.find("DIN").offset());
    }

    @Test
    void explicitDdicOffsetsAreKeptAndChecked() {
        RecordMetadata type = RecordMetadata.builder("DDIC")
                .field("A", AbapType.CHAR, 2, 0, null, "first", 0)
                .field("B", AbapType.INT4, 0, 0, null, null, 8)
                .byteLength(16).build();
        assertEquals(8, type.find("B").offset());
        assertEquals(16, type.byteLength());
        assertEquals("first", type.find("A").description());

        IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class, () -> RecordMetadata.builder("BAD")
                .field("A", AbapType.CHAR, 4, 0, null, null, 0)
                .field("B", AbapType.INT4, 0, 0, null, null, 4).build());
        assertEquals("record BAD: field B at offset 4 overlaps the field before it, which ends at 8", overlap.getMessage());

        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> RecordMetadata.builder("SHORT").field("A", AbapType.CHAR, 4).byteLength(4).build());
        assertTrue(tooShort.getMessage().contains("declared length 4 bytes is shorter than its fields"));
    }

    @Test
    void wrongDeclarationsAreRefusedNamingRecordAndField() {
        assertEquals("record R: field A appears twice", assertThrows(IllegalArgumentException.class,
                () -> RecordMetadata.builder("R").field("A", AbapType.INT4).field("A", AbapType.INT4).build()).getMessage());
        assertEquals("record R: field C of type CHAR has length 0; allowed is 1 to 262143", assertThrows(IllegalArgumentException.class,
                () -> RecordMetadata.builder("R").field("C", AbapType.CHAR, 0).build()).getMessage());
        assertEquals("record R: field P of type BCD has length 17; allowed is 1 to 16", assertThrows(IllegalArgumentException.class,
                () -> RecordMetadata.builder("R").bcd("P", 17, 0).build()).getMessage());
        assertEquals("record R: field P of type BCD has decimals 4; allowed is 0 to 3", assertThrows(IllegalArgumentException.class,
                () -> RecordMetadata.builder("R").bcd("P", 2, 4).build()).getMessage());
        assertEquals("record R: field T of type TABLE needs its record type", assertThrows(IllegalArgumentException.class,
                () -> RecordMetadata.builder("R").table("T", null).build()).getMessage());
        assertEquals("record R: field I of type INT4 cannot have decimals", assertThrows(IllegalArgumentException.class,
                () -> RecordMetadata.builder("R").field("I", AbapType.INT4, 0, 2, null, null, -1).build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RecordMetadata.builder(""));
    }

    @Test
    void typeCodesRoundTrip() {
        for (AbapType type : AbapType.values()) {
            assertEquals(type, AbapType.fromExid(type.exid()));
        }
        assertEquals(AbapType.STRUCTURE, AbapType.fromExid('v'));
        assertEquals("unknown ABAP type code '?'",
                assertThrows(IllegalArgumentException.class, () -> AbapType.fromExid('?')).getMessage());
        assertEquals(8, AbapType.INT4.rfcType());
        assertEquals(31, AbapType.INT8.rfcType());
        assertTrue(AbapType.CDAY.isInteger());
        assertTrue(AbapType.DECF34.isNumeric());
        assertFalse(AbapType.CHAR.isNumeric());
    }
}
