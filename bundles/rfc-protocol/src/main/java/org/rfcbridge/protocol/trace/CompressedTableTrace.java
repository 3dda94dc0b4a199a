package org.rfcbridge.protocol.trace;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rfcbridge.protocol.Bytes;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.compression.CompressionHeader;
import org.rfcbridge.protocol.compression.Decompressor;
import org.rfcbridge.protocol.item.ItemIds;

/**
 * Follows the tables of a trace so that an LZ-compressed one ({@code 0x0305} fragments, possibly over several
 * records) is shown as its rows, with the algorithm and both sizes, once its last fragment is seen. Bounded by
 * the limits: a trace cannot make the decoder hold more than one table's rows.
 */
final class CompressedTableTrace {
    /** Wrapper in front of SAP's stream in the joined 0305 content (protocol-wsrfc-2026.md §4.1). */
    private static final int WRAPPER_LENGTH = 8;
    private final ProtocolLimits limits;
    private String name = "";
    private long rowLength;
    private long rows;
    private long usedWidth = -1;
    private ByteArrayOutputStream content;

    CompressedTableTrace(ProtocolLimits limits) {
        this.limits = limits;
    }

    /**
     * Takes the next item of the chain; returns the table's summary when this item ends a compressed table,
     * else null.
     */
    Map<String, Object> item(int id, byte[] b, int offset, int length) throws RfcProtocolException {
        // fragments are kept only up to the table limit
        switch (id) {
            case ItemIds.TABLE_LZ_CHUNK:
                if (content == null) {
                    content = new ByteArrayOutputStream();
                }
                if (content.size() + (long) length > limits.maxTableBytes()) {
                    throw new RfcProtocolException("compressed table " + name + " exceeds " + limits.maxTableBytes()
                            + " bytes", offset);
                }
                content.write(b, offset, length);
                return null;
            case ItemIds.TABLE_ID:
                return null;
            case ItemIds.TABLE_HEADER:
                if (length == 8) {
                    rowLength = Bytes.u32(b, offset);
                    rows = Bytes.u32(b, offset + 4);
                }
                return null;
            case ItemIds.TABLE_USED_WIDTH:
                if (length == 4) {
                    usedWidth = Bytes.u32(b, offset);
                }
                return null;
            default:
                Map<String, Object> summary = content == null ? null : summary();
                content = null;
                usedWidth = -1;
                if (id == ItemIds.TABLE_NAME) {
                    name = new String(b, offset, length, java.nio.charset.StandardCharsets.UTF_16LE).trim();
                }
                return summary;
        }
    }

    /** The table's algorithm, sizes and rows; a problem in its content is shown, not thrown. */
    private Map<String, Object> summary() {
        byte[] joined = content.toByteArray();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("compressedTable", name);
        m.put("joinedBytes", joined.length);
        if (joined.length < WRAPPER_LENGTH + CompressionHeader.LENGTH) {
            m.put("problem", "the 0305 content ends before SAP's compression header");
            return m;
        }
        m.put("compressedBytes", Bytes.u32(joined, 4));
        try {
            rows(joined, m);
        } catch (RfcProtocolException e) {
            m.put("problem", e.problem() + " at byte " + (WRAPPER_LENGTH + e.offset()) + " of the joined 0305 content");
        }
        return m;
    }

    private void rows(byte[] joined, Map<String, Object> m) throws RfcProtocolException {
        CompressionHeader header = CompressionHeader.read(joined, WRAPPER_LENGTH, rowLength * rows);
        m.put("algorithm", header.algorithm().name());
        m.put("uncompressedBytes", header.uncompressedLength());
        m.put("rowLength", rowLength);
        m.put("usedWidth", usedWidth < 0 ? rowLength : usedWidth);
        byte[] plain = Decompressor.decompress(joined, WRAPPER_LENGTH, joined.length - WRAPPER_LENGTH,
                rowLength * rows);
        List<Object> list = new ArrayList<>();
        int width = (int) (usedWidth < 0 ? rowLength : usedWidth);
        for (long row = 0; rowLength > 0 && (row + 1) * rowLength <= plain.length; row++) {
            Map<String, Object> value = new LinkedHashMap<>();
            TraceDecoder.value(plain, (int) (row * rowLength), width, value);
            list.add(value);
        }
        m.put("rows", list);
    }
}
