package org.rfcbridge.api.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.RecordMetadata;

class RecordConversionTest {
    static final RecordMetadata ALL = RecordMetadata.builder("ALL")
            .field("C", AbapType.CHAR, 4).field("N", AbapType.NUMC, 4).field("D", AbapType.DATE)
            .field("T", AbapType.TIME).field("X", AbapType.RAW, 3).field("B", AbapType.INT1)
            .field("S", AbapType.INT2).field("I", AbapType.INT4).field("L", AbapType.INT8)
            .field("F", AbapType.FLOAT).bcd("P", 8, 2).field("A", AbapType.DECF16).field("E", AbapType.DECF34)
            .field("G", AbapType.STRING).field("Y", AbapType.XSTRING)
            .field("UL", AbapType.UTCLONG).field("DW", AbapType.DTWEEK).field("TM", AbapType.TMINUTE)
            .build();

    final Structure record = new Structure(ALL);

    private String hexOf(String field) {
        byte[] bytes = new byte[record.field(field).byteLength()];
        record.getRaw(record.field(field).index(), bytes, 0);
        return HexFormat.of().formatHex(bytes);
    }

    private static void refused(String expectedMessage, Executable action) {
        assertEquals(expectedMessage, assertThrows(RfcDataException.class, action).getMessage());
    }

    @Test
    void initialValuesAreAbapInitialValues() {
        assertEquals("", record.getString("C"));
        assertEquals("20002000", hexOf("C").substring(0, 8), "CHAR is blank-filled in UTF-16LE");
        assertEquals("0000", record.getString("N"));
        assertNull(record.getDate("D"));
        assertEquals("0000-00-00", record.getString("D"));
        assertEquals(LocalTime.MIDNIGHT, record.getTime("T"));
        assertEquals(0, record.getInt("I"));
        assertEquals(new BigDecimal("0.00"), record.getBigDecimal("P"));
        assertEquals("", record.getString("G"));
        assertArrayEquals(new byte[0], record.getBytes("Y"));
        for (String name : new String[] {"C", "N", "D", "T", "X", "I", "P", "G", "Y"}) {
            assertTrue(record.isInitial(name), name);
        }
    }

    @Test
    void charIsUtf16LeBlankPaddedAndRefusesTooLongText() {
        record.setValue("C", "AB");
        assertEquals("4100420020002000", hexOf("C"));
        assertEquals("AB", record.getString("C"));
        record.setValue("C", "Grüß");
        assertEquals("Grüß", record.getString("C"));
        record.setValue("C", 42);
        assertEquals(42, record.getInt("C"));
        record.setValue("C", new BigDecimal("1.5"));
        assertEquals(1.5, record.getDouble("C"));
        refused("ALL-C (CHAR): text of 5 characters is longer than the field's 4", () -> record.setValue("C", "ABCDE"));
        record.setValue("C", "x1");
        refused("ALL-C (CHAR): text 'x1' is not a whole number", () -> record.getInt("C"));
        record.setValue("C", (String) null);
        assertTrue(record.isInitial("C"));
    }

    @Test
    void numcIsLeftPaddedDigits() {
        record.setValue("N", "42");
        assertEquals("0042", record.getString("N"));
        assertEquals(42, record.getInt("N"));
        record.setValue("N", 7L);
        assertEquals("0007", record.getString("N"));
        refused("ALL-N (NUMC): '12a' is not made of digits only", () -> record.setValue("N", "12a"));
        refused("ALL-N (NUMC): '12345' has more than 4 digits", () -> record.setValue("N", "12345"));
        refused("ALL-N (NUMC): '-1' is not made of digits only", () -> record.setValue("N", -1));
    }

    @Test
    void dateAcceptsIsoAndAbapFormsAndRefusesImpossibleDates() {
        record.setValue("D", LocalDate.of(2026, 6, 26));
        assertEquals("32003000320036003000360032003600", hexOf("D"));
        assertEquals(LocalDate.of(2026, 6, 26), record.getDate("D"));
        assertEquals("2026-06-26", record.getString("D"));
        record.setValue("D", "2024-02-29");
        assertEquals(LocalDate.of(2024, 2, 29), record.getDate("D"));
        record.setValue("D", "19991231");
        assertEquals(LocalDate.of(1999, 12, 31), record.getDate("D"));
        record.setValue("D", "00000000");
        assertNull(record.getDate("D"));
        refused("ALL-D (DATE): '2023-02-29' is not a valid date (yyyyMMdd or yyyy-MM-dd)", () -> record.setValue("D", "2023-02-29"));
        refused("ALL-D (DATE): '20261340' is not a valid date (yyyyMMdd or yyyy-MM-dd)", () -> record.setValue("D", "20261340"));
        refused("ALL-D (DATE): 'tomorrow' is not a valid date (yyyyMMdd or yyyy-MM-dd)", () -> record.setValue("D", "tomorrow"));
        refused("ALL-D (DATE): date +10000-01-01 is outside the ABAP range 0001-01-01..9999-12-31",
                () -> record.setValue("D", LocalDate.of(10000, 1, 1)));
        refused("ALL-I (INT4): cannot be read or written as a date", () -> record.setValue("I", LocalDate.now()));
        // a partner may send garbage: reading it is a clear error, not a wrong date
        byte[] raw = new byte[16];
        for (int i = 0; i < 8; i++) {
            raw[2 * i] = (byte) "20261399".charAt(i);
        }
        record.setRaw(record.field("D").index(), raw, 0);
        refused("ALL-D (DATE): holds '20261399', which is not a valid date", () -> record.getDate("D"));
    }

    @Test
    void timeAcceptsBothFormsAndRefusesImpossibleTimes() {
        record.setValue("T", LocalTime.of(12, 0, 0));
        assertEquals("310032003000300030003000", hexOf("T"));
        assertEquals("12:00:00", record.getString("T"));
        record.setValue("T", "23:59:58");
        assertEquals(LocalTime.of(23, 59, 58), record.getTime("T"));
        record.setValue("T", "010203");
        assertEquals(LocalTime.of(1, 2, 3), record.getTime("T"));
        refused("ALL-T (TIME): '246000' is not a valid time (HHmmss or HH:mm:ss)", () -> record.setValue("T", "246000"));
        refused("ALL-T (TIME): cannot be read or written as a date", () -> record.getDate("T"));
    }

    @Test
    void rawIsZeroPaddedAndHexAsText() {
        record.setValue("X", new byte[] {1, 2});
        assertEquals("010200", hexOf("X"));
        assertEquals("010200", record.getString("X"));
        record.setValue("X", "a1b2c3");
        assertArrayEquals(new byte[] {(byte) 0xa1, (byte) 0xb2, (byte) 0xc3}, record.getBytes("X"));
        refused("ALL-X (RAW): 4 bytes are more than the field's 3", () -> record.setValue("X", new byte[4]));
        refused("ALL-X (RAW): 'abc' is not an even number of hex digits", () -> record.setValue("X", "abc"));
        refused("ALL-X (RAW): 'zz' is not an even number of hex digits", () -> record.setValue("X", "zz"));
        refused("ALL-C (CHAR): cannot be read or written as bytes", () -> record.getBytes("C"));
    }

    @Test
    void integersAreLittleEndianAndRangeChecked() {
        record.setValue("B", 255);
        assertEquals(255, record.getInt("B"));
        assertEquals("ff", hexOf("B"));
        refused("ALL-B (INT1): value 256 is out of range 0..255", () -> record.setValue("B", 256));
        refused("ALL-B (INT1): value -1 is out of range 0..255", () -> record.setValue("B", -1));
        record.setValue("S", 256);
        assertEquals("0001", hexOf("S"));
        refused("ALL-S (INT2): value 32768 is out of range -32768..32767", () -> record.setValue("S", 32768));
        record.setValue("I", 65536);
        assertEquals("00000100", hexOf("I"));
        record.setValue("I", -2);
        assertEquals("feffffff", hexOf("I"));
        refused("ALL-I (INT4): value 2147483648 is out of range -2147483648..2147483647", () -> record.setValue("I", 2147483648L));
        record.setValue("L", Long.MIN_VALUE);
        assertEquals(Long.MIN_VALUE, record.getLong("L"));
        refused("ALL-L (INT8): value -9223372036854775808 does not fit an int; read it with getLong", () -> record.getInt("L"));
        record.setValue("I", "123");
        assertEquals(123L, record.getLong("I"));
        assertEquals(new BigDecimal("123"), record.getBigDecimal("I"));
        assertEquals(123.0, record.getDouble("I"));
        assertEquals("123", record.getString("I"));
        record.setValue("I", new BigDecimal("7"));
        assertEquals(7, record.getInt("I"));
        refused("ALL-I (INT4): value 7.5 is not a whole number in the range of long", () -> record.setValue("I", new BigDecimal("7.5")));
        refused("ALL-I (INT4): 'seven' is not a number", () -> record.setValue("I", "seven"));
        record.setValue("I", 9.0);
        assertEquals(9, record.getInt("I"));
        refused("ALL-I (INT4): value 9.5 is not a whole number in the range of long", () -> record.setValue("I", 9.5));
    }

    @Test
    void temporalIntegerTypesAreRangeCheckedIntegers() {
        record.setValue("UL", 638_000_000_000_000_000L);
        assertEquals(638_000_000_000_000_000L, record.getLong("UL"));
        record.setValue("DW", 2_000_000);
        assertEquals(2_000_000, record.getInt("DW"));
        record.setValue("TM", 1439);
        assertEquals("9f05", hexOf("TM"));
        refused("ALL-TM (TMINUTE): value 40000 is out of range -32768..32767", () -> record.setValue("TM", 40000));
    }

    @Test
    void floatIsALittleEndianDouble() {
        record.setValue("F", 3.14159);
        assertEquals("6e861bf0f9210940", hexOf("F"));
        assertEquals(3.14159, record.getDouble("F"));
        assertEquals("3.14159", record.getString("F"));
        assertEquals(new BigDecimal("3.14159"), record.getBigDecimal("F"));
        refused("ALL-F (FLOAT): value 3.14159 is not a whole number in the range of long", () -> record.getLong("F"));
        record.setValue("F", "2.5e3");
        assertEquals(2500.0, record.getDouble("F"));
        record.setValue("F", Double.NaN);
        refused("ALL-F (FLOAT): value NaN has no decimal value", () -> record.getBigDecimal("F"));
    }

    @Test
    void packedNumbersUseSignNibblesCAndDAndRoundSurplusDecimalsHalfUp() {
        record.setValue("P", new BigDecimal("800000.50"));
        assertEquals("000000080000050c", hexOf("P"));
        assertEquals(new BigDecimal("800000.50"), record.getBigDecimal("P"));
        assertEquals("800000.50", record.getString("P"));
        record.setValue("P", new BigDecimal("-1.234"));
        assertEquals("000000000000123d", hexOf("P"));
        assertEquals(new BigDecimal("-1.23"), record.getBigDecimal("P"));
        record.setValue("P", new BigDecimal("1.235"));
        assertEquals(new BigDecimal("1.24"), record.getBigDecimal("P"));
        record.setValue("P", "9999999999999.99");
        assertEquals(new BigDecimal("9999999999999.99"), record.getBigDecimal("P"));
        refused("ALL-P (BCD): value 10000000000000 does not fit P(8) with 2 decimals (at most 13 integer digits)",
                () -> record.setValue("P", 10_000_000_000_000L));
        refused("ALL-P (BCD): value 9999999999999.999 does not fit P(8) with 2 decimals (at most 13 integer digits)",
                () -> record.setValue("P", new BigDecimal("9999999999999.999")));
        record.setValue("P", 12.5);
        assertEquals(new BigDecimal("12.50"), record.getBigDecimal("P"));
        assertEquals(12.5, record.getDouble("P"));
        refused("ALL-P (BCD): value 12.50 is not a whole number in the range of long", () -> record.getLong("P"));
    }

    @Test
    void packedNumbersAcceptEverySignNibbleAndRefuseBadDigits() {
        int index = record.field("P").index();
        String[][] cases = {
                {"000000000000123a", "1.23"}, {"000000000000123c", "1.23"}, {"000000000000123e", "1.23"},
                {"000000000000123f", "1.23"}, {"000000000000123b", "-1.23"}, {"000000000000123d", "-1.23"}};
        for (String[] c : cases) {
            record.setRaw(index, HexFormat.of().parseHex(c[0]), 0);
            assertEquals(new BigDecimal(c[1]), record.getBigDecimal("P"), c[0]);
        }
        record.setRaw(index, HexFormat.of().parseHex("00000000000012a3"), 0);
        refused("ALL-P (BCD): holds no valid packed number: 00000000000012A3", () -> record.getBigDecimal("P"));
        record.setRaw(index, HexFormat.of().parseHex("0000000000001239"), 0);
        refused("ALL-P (BCD): holds no valid packed number: 0000000000001239", () -> record.getBigDecimal("P"));
    }

    @Test
    void decimalFloatsHoldDecimalValuesExactly() {
        record.setValue("A", new BigDecimal("123.45"));
        assertEquals("c549000000003022", hexOf("A"), "open-rfc's little-endian vector for 123.45");
        assertEquals(new BigDecimal("123.45"), record.getBigDecimal("A"));
        record.setValue("E", "-0.000000000000000000000000000001");
        assertEquals(new BigDecimal("-1E-30"), record.getBigDecimal("E"));
        record.setValue("A", 1);
        assertEquals("0100000000003822", hexOf("A"));
        assertEquals(1, record.getInt("A"));
    }

    @Test
    void stringsAndByteStringsLiveBesideTheBuffer() {
        record.setValue("G", "any length, ünïcödé");
        assertEquals("any length, ünïcödé", record.getString("G"));
        record.setValue("Y", new byte[] {0, (byte) 0xff});
        assertEquals("00FF", record.getString("Y"));
        byte[] copy = record.getBytes("Y");
        copy[0] = 9;
        assertEquals(0, record.getBytes("Y")[0], "getBytes returns a copy");
        record.setValue("Y", "CAFE");
        assertArrayEquals(new byte[] {(byte) 0xca, (byte) 0xfe}, record.getBytes("Y"));
        record.clear("G");
        assertTrue(record.isInitial("G"));
        refused("ALL-G (STRING): is deep and has no flat bytes", () -> record.getRaw(record.field("G").index(), new byte[8], 0));
    }

    @Test
    void unknownNamesAndPositionsAreClearErrors() {
        refused("ALL has no field NOPE", () -> record.getString("NOPE"));
        refused("ALL has no field at position 99 (it has 18)", () -> record.getInt(99));
        refused("ALL-I (INT4): cannot be read or written as a structure", () -> record.getStructure("I"));
        refused("ALL-I (INT4): cannot be read or written as a table", () -> record.getTable("I"));
        refused("ALL-I (INT4): cannot be read or written as a time", () -> record.getTime("I"));
    }

    @Test
    void flatSubstructuresShareTheParentBufferAndDeepOnesAreKeptBeside() {
        RecordMetadata inner = RecordMetadata.builder("INNER").field("A", AbapType.CHAR, 2).build();
        RecordMetadata deepInner = RecordMetadata.builder("DEEPIN").field("S", AbapType.STRING).build();
        RecordMetadata outer = RecordMetadata.builder("OUTER").structure("IN", inner).structure("DIN", deepInner)
                .table("T", inner).build();
        Structure parent = new Structure(outer);
        parent.getStructure("IN").setValue("A", "OK");
        byte[] flat = new byte[outer.byteLength()];
        parent.getRaw(flat, 0);
        assertEquals("4f004b00", HexFormat.of().formatHex(flat, 0, 4));
        parent.getStructure("DIN").setValue("S", "deep");
        assertEquals("deep", parent.getStructure("DIN").getString("S"));
        assertSame(parent.getTable("T"), parent.getTable("T"));
        parent.getTable("T").appendRow();
        assertFalse(parent.isInitial("T"));
        refused("OUTER-IN (STRUCTURE): is a STRUCTURE; read it with getStructure", () -> parent.getString("IN"));
        parent.clear("T");
        assertTrue(parent.isInitial("T"));
        parent.getStructure("IN").setValue("A", "ZZ");
        parent.getStructure("DIN").clearAll();
        assertEquals("", parent.getStructure("DIN").getString("S"));
    }

    @Test
    void indexAccessorsMatchNameAccessors() {
        int i = record.field("I").index();
        record.setValue(i, 5);
        assertEquals(5, record.getInt(i));
        record.setValue(i, 6L);
        assertEquals(6L, record.getLong(i));
        record.setValue(i, "7");
        assertEquals("7", record.getString(i));
        record.setValue(i, new BigDecimal(8));
        assertEquals(new BigDecimal(8), record.getBigDecimal(i));
        record.setValue(i, 9.0);
        assertEquals(9.0, record.getDouble(i));
        int d = record.field("D").index();
        record.setValue(d, LocalDate.of(2000, 1, 1));
        assertEquals(LocalDate.of(2000, 1, 1), record.getDate(d));
        int t = record.field("T").index();
        record.setValue(t, LocalTime.NOON);
        assertEquals(LocalTime.NOON, record.getTime(t));
        int x = record.field("X").index();
        record.setValue(x, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, record.getBytes(x));
    }
}
