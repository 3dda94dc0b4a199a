package org.rfcbridge.api.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.RecordMetadata;

class TableTest {
    static final RecordMetadata ROW = RecordMetadata.builder("ROW")
            .field("ID", AbapType.INT4).field("NAME", AbapType.CHAR, 10).build();
    static final RecordMetadata DEEP_ROW = RecordMetadata.builder("DEEPROW")
            .field("ID", AbapType.INT4).field("TEXT", AbapType.STRING).build();

    @Test
    void rowsAreAppendedWithInitialValuesAndReadThroughTheCurrentRow() {
        Table table = new Table(ROW);
        assertTrue(table.isEmpty());
        assertFalse(table.firstRow());
        for (int i = 0; i < 100_000; i++) {
            table.appendRow();
            assertEquals("", table.getString("NAME"));
            table.setValue("ID", i);
            table.setValue("NAME", "row " + i);
        }
        assertEquals(100_000, table.getNumRows());
        assertEquals(100_000L * ROW.byteLength(), table.rowBytes());
        table.setRow(65_432);
        assertEquals(65_432, table.getInt("ID"));
        assertEquals("row 65432", table.getString("NAME"));
        int count = 0;
        if (table.firstRow()) {
            do {
                assertEquals(count, table.getInt("ID"));
                count++;
            } while (table.nextRow());
        }
        assertEquals(100_000, count);
        assertEquals(99_999, table.getRow());
    }

    @Test
    void rawRowsCopyInAndOutInTheUnicodeLayout() {
        Table source = new Table(ROW);
        source.appendRow();
        source.setValue("ID", 7);
        source.setValue("NAME", "SEVEN");
        byte[] row = new byte[ROW.byteLength()];
        source.copyRowTo(0, row, 0);
        assertEquals(7, row[0]);
        assertEquals('S', row[4]);
        Table target = new Table(ROW);
        target.ensureCapacity(3);
        for (int i = 0; i < 3; i++) {
            target.appendRow(row, 0);
        }
        target.setRow(2);
        assertEquals("SEVEN", target.getString("NAME"));
        byte[] again = new byte[ROW.byteLength()];
        target.copyRowTo(2, again, 0);
        assertArrayEquals(row, again);
    }

    @Test
    void appendRowsInitialisesEveryNewRowAndStopsAtTheFirst() {
        Table table = new Table(ROW);
        table.appendRows(5);
        assertEquals(5, table.getNumRows());
        assertEquals(0, table.getRow());
        table.setRow(4);
        assertEquals("", table.getString("NAME"));
        table.appendRows(0);
        assertEquals(5, table.getNumRows());
    }

    @Test
    void deepFieldsOfRowsAreKeptPerRow() {
        Table table = new Table(DEEP_ROW);
        for (int i = 0; i < 20_000; i++) {
            table.appendRow();
            table.setValue("ID", i);
            table.setValue("TEXT", "text " + i);
        }
        table.setRow(12_345);
        assertEquals("text 12345", table.getString("TEXT"));
        table.setRow(0);
        assertEquals("text 0", table.getString("TEXT"));
    }

    @Test
    void wrongRowsAreClearErrors() {
        Table table = new Table(ROW);
        table.appendRow();
        assertEquals("table ROW has 1 rows; there is no row 1",
                assertThrows(RfcDataException.class, () -> table.setRow(1)).getMessage());
        assertEquals("table ROW has 1 rows; there is no row -1",
                assertThrows(RfcDataException.class, () -> table.copyRowTo(-1, new byte[100], 0)).getMessage());
        table.clear();
        assertEquals(0, table.getNumRows());
        assertEquals(-1, table.getRow());
        table.appendRow();
        assertEquals(1, table.getNumRows());
    }

    @Test
    void largeTablesUseFewArraysAndLittleSlack() {
        RecordMetadata hundredBytes = RecordMetadata.builder("R100").field("C", AbapType.CHAR, 50).build();
        Table table = new Table(hundredBytes);
        table.appendRows(1_000_000);
        int rowsPerChunk = Integer.highestOneBit(Table.CHUNK_BYTES / 100);
        int chunks = (1_000_000 + rowsPerChunk - 1) / rowsPerChunk;
        assertTrue(chunks < 1000, "a million rows live in " + chunks + " arrays");
        long allocated = (long) chunks * rowsPerChunk * 100;
        assertTrue(allocated <= 1.2 * table.rowBytes(), "allocated " + allocated + " for " + table.rowBytes());
        table.setRow(999_999);
        table.setValue("C", "last");
        assertEquals("last", table.getString("C"));
    }

    @Test
    void announcedRowsGoToTheStreamAndAreCountedNotKept() {
        java.util.List<String> seen = new java.util.ArrayList<>();
        Table table = new Table(ROW);
        table.streamRowsTo(new RowStream() {
            @Override
            public void begin(Table t, int rows) {
                seen.add("begin " + rows);
            }

            @Override
            public void row(Table t, byte[] source, int offset) {
                seen.add("row " + source[offset] + " of " + source.length);
            }
        });
        byte[] row = new byte[ROW.byteLength() + 3];
        table.announceRows(2);
        row[3] = 5;
        table.appendRow(row, 3);
        row[3] = 6;
        table.appendRow(row, 3);
        assertEquals(java.util.List.of("begin 2", "row 5 of 27", "row 6 of 27"), seen);
        assertEquals(2, table.getNumRows());
        assertTrue(table.isStreamed());
        assertEquals("the rows of table ROW were passed on as they arrived and are not kept",
                assertThrows(RfcDataException.class, () -> table.setRow(0)).getMessage());
        assertThrows(RfcDataException.class, () -> table.copyRowTo(0, new byte[24], 0));
        assertThrows(RfcDataException.class, table::appendRow);
        assertEquals("table ROW announced 2 rows; row 3 is one too many",
                assertThrows(RfcDataException.class, () -> table.appendRow(row, 3)).getMessage());
        table.clear();
        assertFalse(table.isStreamed());
        table.streamRowsTo(null);
        table.announceRows(1);
        table.appendRow(row, 3);
        table.setRow(0);
        assertEquals(6, table.getInt("ID"));
        assertEquals(3, seen.size());
    }

    @Test
    void rowsAreKeptWhenTheProducerDoesNotAnnounceThem() {
        Table table = new Table(ROW);
        table.streamRowsTo(new RowStream() {
            @Override
            public void begin(Table t, int rows) {
                throw new AssertionError("not announced");
            }

            @Override
            public void row(Table t, byte[] source, int offset) {
                throw new AssertionError("not announced");
            }
        });
        table.appendRow();
        table.setValue("ID", 9);
        assertFalse(table.isStreamed());
        assertEquals(9, table.getInt("ID"));
        assertThrows(RfcDataException.class, () -> table.announceRows(1));
    }
}
