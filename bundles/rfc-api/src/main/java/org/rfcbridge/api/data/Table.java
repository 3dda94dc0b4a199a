package org.rfcbridge.api.data;

import java.util.Arrays;

import org.rfcbridge.api.metadata.RecordMetadata;

/**
 * An internal table: rows of one structure type, accessed like JCo's {@code JCoTable} through a
 * current row ({@link #setRow}, {@link #nextRow}) whose fields the {@link Record} methods read and write.
 *
 * <p>Rows are stored back to back in the ABAP Unicode layout in large arrays ("chunks" of at most
 * {@value #CHUNK_BYTES} bytes, a power-of-two number of rows each), so a table of a million 100-byte
 * rows is a few hundred arrays rather than a million objects, and growing a large table never copies
 * the rows already there. At most one chunk is allocated ahead of the rows in use; a table smaller
 * than one chunk grows its single array by doubling. Chunks stay below half of G1's smallest region
 * (512 KiB): larger arrays are "humongous" objects that G1 rounds up to whole regions, which cost
 * about 30% extra heap in measurements with 800 KiB chunks.
 *
 * <p>A table may also pass its rows on instead of keeping them ({@link #streamRowsTo}): the rows a
 * producer announces with {@link #announceRows} then go to a {@link RowStream} as they are appended.
 */
public final class Table extends Record {
    /** Target size of one chunk of rows. */
    public static final int CHUNK_BYTES = 1 << 18;

    private static final byte[][] NO_CHUNKS = new byte[0][];
    private static final int MIN_FIRST_CHUNK_ROWS = 16;

    private final int rowLength;
    private final int deepCount;
    private final int shift;
    private final int mask;
    private byte[][] chunks = NO_CHUNKS;
    private Object[][] deepChunks;
    private int firstChunkRows;
    private int rowCount;
    private int row = -1;
    private RowStream stream;
    /** Rows still to come of an announced, streamed series; -1 when rows are kept. */
    private long streamedRowsLeft = -1;

    /** An empty table of the given row type. */
    public Table(RecordMetadata rowType) {
        super(rowType);
        this.rowLength = rowType.byteLength();
        this.deepCount = rowType.deepCount();
        int rowsPerChunk = Integer.highestOneBit(Math.max(1, CHUNK_BYTES / Math.max(1, rowLength)));
        this.shift = Integer.numberOfTrailingZeros(rowsPerChunk);
        this.mask = rowsPerChunk - 1;
        this.deepChunks = deepCount == 0 ? null : new Object[0][];
    }

    /** Number of rows. */
    public int getNumRows() {
        return rowCount;
    }

    /** True if the table has no rows. */
    public boolean isEmpty() {
        return rowCount == 0;
    }

    /** The current row, -1 before the first. */
    public int getRow() {
        return row;
    }

    /** Makes row {@code index} (0-based) the current row. */
    public void setRow(int index) {
        if (index < 0 || index >= rowCount) {
            throw new RfcDataException("table " + metadata.name() + " has " + rowCount + " rows; there is no row "
                    + index);
        }
        position(index);
    }

    /** Moves to the first row; false if the table is empty. */
    public boolean firstRow() {
        if (rowCount == 0) {
            return false;
        }
        position(0);
        return true;
    }

    /** Moves to the next row; false (staying put) after the last one. */
    public boolean nextRow() {
        if (row + 1 >= rowCount) {
            return false;
        }
        position(row + 1);
        return true;
    }

    /**
     * Passes the rows that producers announce from now on to {@code target} instead of keeping them
     * ({@code null}: keep them again). Rows already kept stay readable until {@link #clear()}.
     */
    public void streamRowsTo(RowStream target) {
        this.stream = target;
    }

    /** The {@link RowStream} that announced rows go to, or null if they are kept. */
    public RowStream rowStream() {
        return stream;
    }

    /** True if rows of this table have been passed on to a {@link RowStream} rather than kept. */
    public boolean isStreamed() {
        return streamedRowsLeft >= 0;
    }

    /**
     * Says that {@code rows} rows follow through {@link #appendRow(byte[], int)}, as a deserializer that
     * reads the row count first knows. With a {@link RowStream} set, they go to it and are counted, not
     * kept; without one, room is made for them.
     */
    public void announceRows(int rows) {
        if (stream == null) {
            ensureCapacity(rows);
            return;
        }
        if (rowCount > 0 && streamedRowsLeft < 0) {
            throw new RfcDataException("table " + metadata.name() + " already keeps " + rowCount
                    + " rows; clear it before streaming rows");
        }
        streamedRowsLeft = rows;
        stream.begin(this, rows);
    }

    /** Appends a row with initial values and makes it the current row. */
    public void appendRow() {
        refuseIfStreamed();
        int index = grow(1);
        metadata.writeInitial(buffer, base);
        position(index);
    }

    /** Appends {@code count} rows with initial values; the first new row becomes the current row. */
    public void appendRows(int count) {
        refuseIfStreamed();
        if (count <= 0) {
            return;
        }
        int first = grow(count);
        for (int i = first; i < rowCount; i++) {
            position(i);
            metadata.writeInitial(buffer, base);
        }
        position(first);
    }

    /**
     * Appends a row from its flat bytes in the Unicode layout ({@link RecordMetadata#byteLength()}
     * bytes at {@code offset}), as a deserializer receives them; it becomes the current row.
     */
    public void appendRow(byte[] source, int offset) {
        if (streamedRowsLeft >= 0) {
            if (streamedRowsLeft == 0) {
                throw new RfcDataException("table " + metadata.name() + " announced " + rowCount + " rows; row "
                        + (rowCount + 1) + " is one too many");
            }
            stream.row(this, source, offset);
            streamedRowsLeft--;
            rowCount++;
            return;
        }
        int index = grow(1);
        System.arraycopy(source, offset, buffer, base, rowLength);
        position(index);
    }

    /** Copies the flat bytes of row {@code index} to {@code target}, as a serializer sends them. */
    public void copyRowTo(int index, byte[] target, int offset) {
        if (streamedRowsLeft >= 0) {
            position(index);                                // refuses: the rows are not kept
        }
        if (index < 0 || index >= rowCount) {
            throw new RfcDataException("table " + metadata.name() + " has " + rowCount + " rows; there is no row "
                    + index);
        }
        System.arraycopy(chunks[index >>> shift], (index & mask) * rowLength, target, offset, rowLength);
    }

    /** Makes room for at least {@code rows} rows without changing the row count. */
    public void ensureCapacity(int rows) {
        if (rows <= capacity()) {
            return;
        }
        int full = mask + 1;
        if (rows <= full) {
            // A small table grows its only chunk by doubling, so small tables stay small.
            resizeFirstChunk(Math.min(full, Math.max(rows, Math.max(MIN_FIRST_CHUNK_ROWS, 2 * firstChunkRows))));
            return;
        }
        if (chunks.length > 0 && firstChunkRows < full) {
            resizeFirstChunk(full);
        }
        int needed = ((rows - 1) >>> shift) + 1;
        int old = chunks.length;
        chunks = Arrays.copyOf(chunks, needed);
        if (deepChunks != null) {
            deepChunks = Arrays.copyOf(deepChunks, needed);
        }
        for (int i = old; i < needed; i++) {
            chunks[i] = new byte[full * rowLength];
            if (deepChunks != null) {
                deepChunks[i] = new Object[full * deepCount];
            }
        }
        if (old == 0) {
            firstChunkRows = full;
        }
    }

    private int capacity() {
        return chunks.length == 0 ? 0 : ((chunks.length - 1) << shift) + firstChunkRowsOrFull();
    }

    private int firstChunkRowsOrFull() {
        return chunks.length == 1 ? firstChunkRows : mask + 1;
    }

    private void resizeFirstChunk(int rows) {
        if (chunks.length == 0) {
            chunks = new byte[1][];
            chunks[0] = new byte[0];
            if (deepChunks != null) {
                deepChunks = new Object[1][];
                deepChunks[0] = new Object[0];
            }
        }
        chunks[0] = Arrays.copyOf(chunks[0], rows * rowLength);
        if (deepChunks != null) {
            deepChunks[0] = Arrays.copyOf(deepChunks[0], rows * deepCount);
        }
        firstChunkRows = rows;
    }

    /** Removes every row and frees the storage; a {@link RowStream} set stays set. */
    public void clear() {
        streamedRowsLeft = -1;
        chunks = NO_CHUNKS;
        deepChunks = deepCount == 0 ? null : new Object[0][];
        firstChunkRows = 0;
        rowCount = 0;
        row = -1;
        buffer = null;
        deep = null;
    }

    /** Bytes of row data held (rows times row length); what a classic serializer sends for the rows. */
    public long rowBytes() {
        return (long) rowCount * rowLength;
    }

    private int grow(int count) {
        if ((long) rowCount + count > Integer.MAX_VALUE - 8) {
            throw new RfcDataException("table " + metadata.name() + " cannot hold more than "
                    + (Integer.MAX_VALUE - 8) + " rows");
        }
        int first = rowCount;
        ensureCapacity(rowCount + count);
        rowCount += count;
        position(first);
        return first;
    }

    private void refuseIfStreamed() {
        if (streamedRowsLeft >= 0) {
            throw new RfcDataException("the rows of table " + metadata.name() + " are passed on as they arrive and "
                    + "must be appended as bytes");
        }
    }

    private void position(int index) {
        if (streamedRowsLeft >= 0) {
            throw new RfcDataException("the rows of table " + metadata.name() + " were passed on as they arrived "
                    + "and are not kept");
        }
        int chunk = index >>> shift;
        int inChunk = index & mask;
        row = index;
        buffer = chunks[chunk];
        base = inChunk * rowLength;
        if (deepChunks != null) {
            deep = deepChunks[chunk];
            deepBase = inChunk * deepCount;
        }
    }
}
