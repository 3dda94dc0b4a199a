package org.rfcbridge.protocol.classic;

import org.rfcbridge.protocol.Bytes;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.compression.CompressionHeader;
import org.rfcbridge.protocol.compression.Decompressor;

/**
 * The {@code 0x0305} fragments of one LZ-compressed table, joined in order as they arrive and decompressed
 * on the fly into rows: the 8-byte wrapper ({@link CompressedTableFormat}), SAP's stream, whose output is
 * cut by the table's row length (the {@code 0x0302} stride), each row's first {@code usedWidth} bytes
 * ({@code 0x0310}) handed on. Only one row and the decompressor's window are held, whatever the table's
 * size; the stream may not declare more than the table's rows.
 */
final class CompressedTableReader implements AutoCloseable {
    /** Receives each row as it is complete. */
    @FunctionalInterface
    interface Rows {
        void row(byte[] b, int offset, int length) throws RfcProtocolException;
    }

    private final String table;
    private final int stride;
    private final int usedWidth;
    private final long expectedBytes;
    private final byte[] wrapper = new byte[CompressedTableFormat.WRAPPER_LENGTH];
    private final byte[] row;
    private final Decompressor decompressor;
    private final Rows rows;
    private int wrapperFill;
    private int rowFill;

    CompressedTableReader(String table, int stride, int usedWidth, long rowCount, Rows rows) {
        this.table = table;
        this.stride = stride;
        this.usedWidth = usedWidth;
        this.expectedBytes = stride * rowCount;
        this.rows = rows;
        this.row = new byte[stride];
        this.decompressor = new Decompressor(expectedBytes, this::rowBytes);
    }

    /**
     * The value of the next {@code 0x0305} item.
     *
     * @throws RfcProtocolException naming the table and the offset in its joined compressed content
     */
    void fragment(byte[] b, int at, int length, int itemOffset) throws RfcProtocolException {
        try {
            int n = 0;
            if (wrapperFill < wrapper.length) {
                n = Math.min(wrapper.length - wrapperFill, length);
                System.arraycopy(b, at, wrapper, wrapperFill, n);
                wrapperFill += n;
                if (wrapperFill == wrapper.length) {
                    checkWrapper();
                }
            }
            if (n < length && !decompressor.complete()) {
                decompressor.feed(b, at + n, length - n);
            }
        } catch (RfcProtocolException e) {
            throw problem(e, itemOffset);
        }
    }

    /**
     * The table's items are over: every row must have come.
     *
     * @throws RfcProtocolException if the compressed content ended early
     */
    void finish(long offset) throws RfcProtocolException {
        if (wrapperFill < wrapper.length) {
            throw new RfcProtocolException("compressed table " + table + " ends within the 8-byte wrapper of its "
                    + "0305 content", offset);
        }
        try {
            decompressor.finish();
        } catch (RfcProtocolException e) {
            throw problem(e, offset);
        }
    }

    @Override
    public void close() {
        decompressor.close();
    }

    private void checkWrapper() throws RfcProtocolException {
        // offsets count from SAP's stream, which starts after the wrapper
        if (CompressionHeader.hasMagic(wrapper, 0)) {
            throw new RfcProtocolException("the 0305 content starts with SAP's compression header, not with the "
                    + "8-byte wrapper in front of it", -CompressedTableFormat.WRAPPER_LENGTH);
        }
        long compressedLength = Bytes.u32(wrapper, 4);
        if (compressedLength < CompressionHeader.LENGTH) {
            throw new RfcProtocolException("the 8-byte wrapper declares " + compressedLength + " compressed bytes, "
                    + "fewer than SAP's compression header; is the wrapper missing?",
                    4 - CompressedTableFormat.WRAPPER_LENGTH);
        }
    }

    private void rowBytes(byte[] b, int offset, int length) throws RfcProtocolException {
        if (decompressor.header().uncompressedLength() != expectedBytes) {
            throw new RfcProtocolException("the compressed content holds " + decompressor.header().uncompressedLength()
                    + " bytes, not the " + expectedBytes + " of the rows its header (0302) announces", 0);
        }
        while (length > 0) {
            int n = Math.min(stride - rowFill, length);
            System.arraycopy(b, offset, row, rowFill, n);
            rowFill += n;
            offset += n;
            length -= n;
            if (rowFill == stride) {
                rowFill = 0;
                rows.row(row, 0, usedWidth);
            }
        }
    }

    /** The problem named with the table and where it is in the joined 0305 content (SAP's stream starts at 8). */
    private RfcProtocolException problem(RfcProtocolException e, long itemOffset) {
        return new RfcProtocolException("compressed table " + table + ": " + e.problem() + " (byte "
                + (CompressedTableFormat.WRAPPER_LENGTH + e.offset()) + " of its joined 0305 content)", itemOffset);
    }
}
