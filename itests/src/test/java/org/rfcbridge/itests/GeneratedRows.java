package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;

import org.rfcbridge.api.data.Table;

/**
 * The table Z_RFCBRIDGE_READ_ROWS generates: byte j of row i is {@code i + j}. A class of its own, not in
 * {@link RfcBridgeTestSupport}, because the stock-Karaf tests' probes cannot see {@code rfc-api}'s classes.
 */
final class GeneratedRows {
    private GeneratedRows() {
    }

    /** Checks the row count and every {@code step}-th row. */
    static void check(Table data, int rows, int step) {
        assertEquals(rows, data.getNumRows());
        byte[] row = new byte[512];
        for (int i = 0; i < rows; i += step) {
            data.copyRowTo(i, row, 0);
            for (int j = 0; j < 512; j++) {
                assertEquals("row " + i + " byte " + j, (byte) (i + j), row[j]);
            }
        }
    }
}
