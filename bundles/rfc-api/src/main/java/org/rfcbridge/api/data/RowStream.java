package org.rfcbridge.api.data;

/**
 * Where the rows of a table go when they are passed on as they arrive instead of being kept: a bridge
 * sets one on a reply's table ({@link Table#streamRowsTo}) so a reply of hundreds of megabytes never
 * has to fit in its heap. A producer that knows the row count before the rows ({@link Table#announceRows})
 * feeds the stream; one that does not fills the table as usual.
 *
 * <p>Failures to pass rows on (the partner went away) are thrown as unchecked exceptions, which end the
 * producer's work on the table.
 */
public interface RowStream {
    /** {@code rows} rows of {@code table} follow, each through {@link #row}. */
    void begin(Table table, int rows);

    /** One row of {@code table}: {@link org.rfcbridge.api.metadata.RecordMetadata#byteLength()} bytes at {@code offset}. */
    void row(Table table, byte[] source, int offset);
}
