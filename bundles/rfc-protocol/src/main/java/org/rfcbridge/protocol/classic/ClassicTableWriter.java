package org.rfcbridge.protocol.classic;

import org.rfcbridge.api.data.Table;
import org.rfcbridge.protocol.Bytes;
import org.rfcbridge.protocol.compression.Algorithm;
import org.rfcbridge.protocol.compression.CompressionHeader;
import org.rfcbridge.protocol.compression.Compressor;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.item.ItemWriter;

/**
 * Writes one classic table as its rows come: the {@code 0x0301}/{@code 0x0330}/{@code 0x0302} head, then one
 * {@code 0x0304} item per row or, when the table is compressed, {@code 0x0310} and the compressed stream in
 * {@code 0x0305} fragments ({@link CompressedTableFormat}). The wrapper in front of the stream holds the
 * compressed length, so a compressed table's stream is held (compressed) until its last row; rows are not.
 */
final class ClassicTableWriter {
    private final ItemWriter w;
    private final int rowLength;
    /** Null when the table goes per row. */
    private final Compressor.InMemory compressor;
    private int rowsLeft;

    private ClassicTableWriter(ItemWriter w, int rowLength, int rows, Algorithm algorithm) {
        this.w = w;
        this.rowLength = rowLength;
        this.rowsLeft = rows;
        this.compressor = algorithm == null ? null : Compressor.inMemory(algorithm, (long) rowLength * rows);
    }

    /** Writes the table's head; its {@code rows} rows follow through {@link #row}. */
    static ClassicTableWriter start(ItemWriter w, String name, int id, int rowLength, int rows,
                                    TableCompression compression) {
        w.utf16(ItemIds.TABLE_NAME, name).u32(ItemIds.TABLE_ID, id);
        byte[] header = new byte[8];
        Bytes.putI32(header, 0, rowLength);
        Bytes.putI32(header, 4, rows);
        w.item(ItemIds.TABLE_HEADER, header);
        Algorithm algorithm = compression.algorithmFor((long) rowLength * rows);
        if (algorithm != null) {
            w.u32(ItemIds.TABLE_USED_WIDTH, rowLength);
        }
        ClassicTableWriter writer = new ClassicTableWriter(w, rowLength, rows, algorithm);
        if (rows == 0) {
            writer.end();
        }
        return writer;
    }

    /** Every row a table keeps. */
    void rows(Table table) {
        byte[] row = new byte[rowLength];
        for (int i = 0, rows = table.getNumRows(); i < rows; i++) {
            table.copyRowTo(i, row, 0);
            row(row, 0);
        }
    }

    /** One row of {@code rowLength} bytes; after the last one the table is complete. */
    void row(byte[] source, int offset) {
        if (rowsLeft <= 0) {
            throw new IllegalStateException("more rows than the table's header announced");
        }
        if (compressor == null) {
            int at = w.reserve(ItemIds.TABLE_ROW_COMPRESSED, rowLength);
            System.arraycopy(source, offset, w.buffer(), at, rowLength);
        } else {
            compressor.write(source, offset, rowLength);
        }
        if (--rowsLeft == 0) {
            end();
        }
    }

    private void end() {
        if (compressor == null) {
            return;
        }
        byte[] stream = compressor.finish();
        int length = CompressedTableFormat.WRAPPER_LENGTH + stream.length;
        byte[] joined = new byte[(length + CompressedTableFormat.FRAGMENT_LENGTH - 1)
                / CompressedTableFormat.FRAGMENT_LENGTH * CompressedTableFormat.FRAGMENT_LENGTH];
        System.arraycopy(CompressedTableFormat.WRAPPER_UNIDENTIFIED, 0, joined, 0, 4);
        Bytes.putI32(joined, 4, CompressedTableFormat.LENGTH_INCLUDES_HEADER ? stream.length
                : stream.length - CompressionHeader.LENGTH);
        System.arraycopy(stream, 0, joined, CompressedTableFormat.WRAPPER_LENGTH, stream.length);
        // the last fragment is padded to the fragment length (zeros: unverified, readers ignore them)
        for (int at = 0; at < joined.length; at += CompressedTableFormat.FRAGMENT_LENGTH) {
            w.item(ItemIds.TABLE_LZ_CHUNK, joined, at, CompressedTableFormat.FRAGMENT_LENGTH);
        }
    }
}
