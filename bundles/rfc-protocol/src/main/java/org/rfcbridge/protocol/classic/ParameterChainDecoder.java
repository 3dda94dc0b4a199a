package org.rfcbridge.protocol.classic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.Record;
import org.rfcbridge.api.data.RfcDataException;
import org.rfcbridge.api.data.Structure;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.FieldMetadata;
import org.rfcbridge.api.metadata.ParameterMetadata;
import org.rfcbridge.protocol.Bytes;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.item.ItemReader;

/**
 * One pass over a request or response item chain, fed in pieces of whole items: parameter values into the
 * call, table rows into its tables (or their row streams), xRFC XML, the S/4HANA table forms, and for
 * replies the error envelope.
 */
final class ParameterChainDecoder {
    /** Items a classic request may hold after {@code 0x0512}, besides those decoded above. */
    private static final java.util.Set<Integer> PARAMETER_SECTION = java.util.Set.of(ItemIds.TRACE_BLOCK,
            ItemIds.TABLE_ID, ItemIds.TABLE_END, ItemIds.S4_TABLE_ID, ItemIds.S4_TABLE_TRAILER, ItemIds.END,
            ItemIds.SERVER_RESET_DONE, ItemIds.SESSION_ID);
    /** Items that continue the table being read; any other item ends it. */
    private static final java.util.Set<Integer> TABLE_ITEMS = java.util.Set.of(ItemIds.TABLE_ROW,
            ItemIds.TABLE_ROW_COMPRESSED, ItemIds.S4_TABLE_ROW, ItemIds.TABLE_ID, ItemIds.TABLE_HEADER,
            ItemIds.TABLE_USED_WIDTH, ItemIds.TABLE_LZ_CHUNK);
    /** S/4 native table descriptor ({@code 0x0333}): kind, id, row count as big-endian u32 (public S/4 test data). */
    static final int S4_DESCRIPTOR_LENGTH = 12;
    private final ProtocolLimits limits;
    private final Function function;
    private final boolean request;
    final ErrorEnvelope envelope = new ErrorEnvelope();
    private final Deque<ParameterMetadata> s4Tables = new ArrayDeque<>();
    private String pendingName;
    private Table table;
    private String tableName;
    private int tableRowLength;
    /** Bytes of each row a compressed table's stream holds that belong to the row ({@code 0x0310}), or -1. */
    private int tableUsedWidth;
    /** The compressed content of the table being read, once its first {@code 0x0305} arrived. */
    private CompressedTableReader compressed;
    private int fragmentOffset;
    private long rowsExpected;
    private java.io.ByteArrayOutputStream xml;
    private long xmlOffset;
    private boolean inParameters;
    /** The call's items have begun ({@code 0x0502}): what came before is the caller's logon context. */
    private boolean inCall;
    /** Where the piece being decoded starts in the whole chain, and the items decoded before it. */
    private long base;
    private int items;
    /** Name of the first table whose rows went to a row stream: later values could not follow it. */
    private String streamedTable;

    ParameterChainDecoder(Function function, boolean request, ProtocolLimits limits) {
        this.limits = limits;
        this.function = function;
        this.request = request;
        for (ParameterMetadata p : function.metadata().parameters()) {
            if (p.type() == AbapType.TABLE && accepts(p.direction())) {
                s4Tables.add(p);
            }
        }
    }

    private boolean accepts(Direction direction) {
        return request ? direction != Direction.EXPORT : direction != Direction.IMPORT;
    }

    /** Decodes the next piece of whole items. */
    void feed(byte[] b, int offset, int length) throws RfcProtocolException {
        ItemReader reader = new ItemReader(b, offset, length, limits.maxItems() - items);
        try {
            while (reader.next()) {
                items++;
                item(reader, b);
            }
        } catch (RfcProtocolException e) {
            if (compressed != null) {
                compressed.close();                         // the decompressor's working memory, at once
                compressed = null;
            }
            throw base == 0 ? e : new RfcProtocolException(e.problem(), base + e.offset());
        }
        base += length;
    }

    /** The chain is complete: nothing may be left open. */
    void end() throws RfcProtocolException {
        finishTable(base);
        if (xml != null) {
            throw new RfcProtocolException("xRFC XML is not closed by a 3c02 boundary", xmlOffset);
        }
    }

    private void item(ItemReader r, byte[] b) throws RfcProtocolException {
        int id = r.id();
        int at = r.valueOffset();
        int length = r.valueLength();
        if (!TABLE_ITEMS.contains(id)) {
            finishTable(r.itemOffset());
        }
        switch (id) {
            case ItemIds.FUNCTION_NAME: {
                String name = Texts.decode(b, at, length).trim();
                if (!name.equals(function.name())) {
                    throw new RfcProtocolException("the request calls " + name + " but was decoded with the metadata of "
                            + function.name(), r.itemOffset());
                }
                break;
            }
            case ItemIds.REQUESTED_OUTPUT:
                if (request) {
                    String name = r.utf16();
                    ParameterMetadata p = function.metadata().parameter(name);
                    if (p == null || p.direction() == Direction.IMPORT) {
                        throw new RfcProtocolException(function.name() + " has no output parameter " + name
                                + " in the metadata used; the partner's interface differs", r.itemOffset());
                    }
                    function.setActive(name, true);
                }
                break;
            case ItemIds.PARAMETER_NAME:
                pendingName = r.utf16();
                break;
            case ItemIds.PARAMETER_VALUE:
                if (pendingName == null) {
                    throw new RfcProtocolException("parameter value without a name before it", r.itemOffset());
                }
                refuseAfterStreamedTable(pendingName, r.itemOffset());
                value(pendingName, b, at, length, r.itemOffset());
                pendingName = null;
                break;
            case ItemIds.TABLE_NAME: {
                String name = r.utf16();
                ParameterMetadata p = parameter(name, r.itemOffset());
                startTable(p, r.itemOffset());
                break;
            }
            case ItemIds.TABLE_HEADER:
                tableHeader(r, b);
                break;
            case ItemIds.TABLE_ROW: case ItemIds.TABLE_ROW_COMPRESSED: case ItemIds.S4_TABLE_ROW:
                row(b, at, length, id == ItemIds.TABLE_ROW_COMPRESSED, r.itemOffset());
                break;
            case ItemIds.TABLE_USED_WIDTH:
                usedWidth(r, b);
                break;
            case ItemIds.TABLE_LZ_CHUNK:
                compressedFragment(b, at, length, r.itemOffset());
                break;
            case ItemIds.S4_TABLE_DESCRIPTOR: case ItemIds.S4_MIXED_TABLE_DESCRIPTOR:
                s4Table(r, b, id == ItemIds.S4_TABLE_DESCRIPTOR);
                break;
            case ItemIds.XRFC_BOUNDARY:
                boundary(r.itemOffset());
                break;
            case ItemIds.XRFC_CHUNK:
                if (xml == null) {
                    throw new RfcProtocolException("xRFC XML chunk outside 3c02 boundaries", r.itemOffset());
                }
                if (xml.size() + (long) length > limits.maxMessageBytes()) {
                    throw new RfcProtocolException("xRFC XML exceeds the limit of " + limits.maxMessageBytes()
                            + " bytes", r.itemOffset());
                }
                xml.write(b, at, length);
                break;
            case ItemIds.CALL_START:
                inCall = true;
                break;
            case ItemIds.FAST_SERIALIZATION:
                if (request && !inCall) {
                    break;                                  // the 5001 block of a relayed logon context, before the call
                }
                throw new RfcProtocolException("the partner sent fast-serialized parameters (item 5001), which "
                        + "this bridge does not decode; select the classic serializer for this destination in "
                        + "SM59 (Special Options > Transfer Protocol: Classic)", r.itemOffset());
            case ItemIds.CALL_CONTEXT:
                inParameters = true;
                break;
            default:
                if (!request) {
                    envelope.collect(id, b, at, length);
                } else if (inParameters && !PARAMETER_SECTION.contains(id)) {
                    // basXML and other serializers put their parameters in items the classic one never
                    // uses; executing the call with initial values instead would be a silent mis-decode
                    throw new RfcProtocolException("the call's parameters use item " + ItemIds.hex(id)
                            + ", which the classic serializer does not use (basXML?); select the classic "
                            + "serializer for this destination in SM59 (Special Options > Transfer Protocol: "
                            + "Classic)", r.itemOffset());
                }
        }
    }

    /**
     * The rows of a streamed table are already on their way to the caller, behind the values written
     * before them; a value after them can no longer be placed. SAP's replies put values first
     * (docs/protocol.md, "Reply order and large tables").
     */
    private void refuseAfterStreamedTable(String name, long offset) throws RfcProtocolException {
        if (streamedTable != null) {
            throw new RfcProtocolException("parameter " + name + " arrives after table " + streamedTable
                    + ", whose rows were already passed on; the bridge needs the values before the tables", offset);
        }
    }

    private ParameterMetadata parameter(String name, int offset) throws RfcProtocolException {
        ParameterMetadata p = function.metadata().parameter(name);
        if (p == null || !accepts(p.direction())) {
            throw new RfcProtocolException(function.name() + " has no " + (request ? "input" : "output")
                    + " parameter " + name + " in the metadata used; the partner's interface differs", offset);
        }
        return p;
    }

    private void value(String name, byte[] b, int at, int length, int offset) throws RfcProtocolException {
        ParameterMetadata p = parameter(name, offset);
        Structure list = function.parameters(p.direction());
        FieldMetadata field = list.field(name);
        try {
            switch (field.type()) {
                case STRING:
                    list.setValue(field.index(), new String(b, at, length, StandardCharsets.UTF_8));
                    return;
                case XSTRING:
                    list.setValue(field.index(), java.util.Arrays.copyOfRange(b, at, at + length));
                    return;
                case TABLE:
                    throw new RfcProtocolException("table parameter " + name + " arrived as a single value",
                            offset);
                default:
                    if (field.isDeep()) {
                        throw new RfcProtocolException("deep parameter " + name + " arrived as a single value",
                                offset);
                    }
                    if (length > field.byteLength()) {
                        throw new RfcProtocolException("value of " + name + " has " + length + " bytes, its type "
                                + field + " has " + field.byteLength(), offset);
                    }
                    byte[] bytes = b;
                    int from = at;
                    if (length < field.byteLength()) {
                        // shorter values are completed with the field's initial value
                        bytes = new byte[field.byteLength()];
                        list.clear(name);
                        list.getRaw(field.index(), bytes, 0);
                        System.arraycopy(b, at, bytes, 0, length);
                        from = 0;
                    }
                    list.setRaw(field.index(), bytes, from);
            }
        } catch (RfcDataException e) {
            throw new RfcProtocolException(e.getMessage(), offset);
        }
    }

    private void startTable(ParameterMetadata p, int offset) throws RfcProtocolException {
        Structure list = function.parameters(p.direction());
        table = list.getTable(list.field(p.name()).index());
        table.clear();
        tableName = p.name();
        tableRowLength = -1;
        tableUsedWidth = -1;
        rowsExpected = 0;
        s4Tables.remove(p);
        if (!table.metadata().isFlat()) {
            throw new RfcProtocolException("table " + p.name() + " has deep rows but arrived as a classic table",
                    offset);
        }
    }

    private void tableHeader(ItemReader r, byte[] b) throws RfcProtocolException {
        if (table == null || r.valueLength() != 8) {
            throw new RfcProtocolException("table header (0302) without a table or not 8 bytes", r.itemOffset());
        }
        long rowLength = Bytes.u32(b, r.valueOffset());
        long rows = Bytes.u32(b, r.valueOffset() + 4);
        int declared = table.metadata().byteLength();
        if (rowLength > declared) {
            throw new RfcProtocolException("table " + tableName + " arrives with rows of " + rowLength
                    + " bytes; its row type " + table.metadata().name() + " has " + declared, r.itemOffset());
        }
        checkSize(rows, declared, r.itemOffset());
        tableRowLength = (int) rowLength;
        rowsExpected = rows;
        announce((int) rows);
    }

    private void announce(int rows) {
        table.announceRows(rows);
        if (table.isStreamed() && streamedTable == null) {
            streamedTable = tableName;
        }
    }

    private void checkSize(long rows, long rowLength, int offset) throws RfcProtocolException {
        if (rows > limits.maxTableRows() || rows * rowLength > limits.maxTableBytes()) {
            throw new RfcProtocolException("table " + tableName + " announces " + rows + " rows of " + rowLength
                    + " bytes, more than the limits of " + limits.maxTableRows() + " rows and "
                    + limits.maxTableBytes() + " bytes", offset);
        }
    }

    private void row(byte[] b, int at, int length, boolean compressed, int offset) throws RfcProtocolException {
        if (table == null || tableRowLength < 0) {
            throw new RfcProtocolException("table row without a table header before it", offset);
        }
        if (table.getNumRows() >= rowsExpected) {
            throw new RfcProtocolException("table " + tableName + " has more rows than its header's "
                    + rowsExpected, offset);
        }
        // A row may be shorter than the header's row length: SAP sends the used width (402 bytes of
        // RFC_GET_FUNCTION_INTERFACE's 404-byte PARAMS rows, protocol-wsrfc-2026.md 4.1); the rest stays initial.
        if (length > tableRowLength) {
            throw new RfcProtocolException("row " + table.getNumRows() + " of table " + tableName + " has "
                    + length + " bytes, the table's rows have " + tableRowLength, offset);
        }
        int declared = table.metadata().byteLength();
        if (length == declared) {
            table.appendRow(b, at);
            return;
        }
        byte[] row = new byte[declared];
        table.metadata().writeInitial(row, 0);
        System.arraycopy(b, at, row, 0, length);
        // simple-compressed rows repeat their last byte up to the row width
        if (compressed && length > 0) {
            java.util.Arrays.fill(row, length, tableRowLength, b[at + length - 1]);
        }
        table.appendRow(row, 0);
    }

    private void s4Table(ItemReader r, byte[] b, boolean nativeForm) throws RfcProtocolException {
        if (r.valueLength() != S4_DESCRIPTOR_LENGTH) {
            throw new RfcProtocolException("S/4 table descriptor must be 12 bytes, not " + r.valueLength(),
                    r.itemOffset());
        }
        ParameterMetadata p = s4Tables.pollFirst();
        if (p == null) {
            throw new RfcProtocolException("S/4 table beyond the table parameters of " + function.name(),
                    r.itemOffset());
        }
        startTable(p, r.itemOffset());
        if (nativeForm) {
            long rows = Bytes.u32(b, r.valueOffset() + 8);
            checkSize(rows, table.metadata().byteLength(), r.itemOffset());
            tableRowLength = table.metadata().byteLength();
            rowsExpected = rows;
            announce((int) rows);
        }
    }

    private void usedWidth(ItemReader r, byte[] b) throws RfcProtocolException {
        if (tableRowLength < 0 || r.valueLength() != 4) {
            throw new RfcProtocolException("used width (0310) without a table header before it or not 4 bytes",
                    r.itemOffset());
        }
        long width = Bytes.u32(b, r.valueOffset());
        if (width > tableRowLength) {
            throw new RfcProtocolException("table " + tableName + " declares a used width of " + width
                    + " bytes in rows of " + tableRowLength, r.itemOffset());
        }
        tableUsedWidth = (int) width;
    }

    private void compressedFragment(byte[] b, int at, int length, int offset) throws RfcProtocolException {
        if (compressed == null) {
            if (table == null || tableRowLength < 0) {
                throw new RfcProtocolException("compressed table content (0305) without a table header before it",
                        offset);
            }
            if (table.getNumRows() > 0) {
                throw new RfcProtocolException("table " + tableName + " mixes rows and compressed content", offset);
            }
            int width = tableUsedWidth < 0 ? tableRowLength : tableUsedWidth;
            compressed = new CompressedTableReader(tableName, tableRowLength, width, rowsExpected,
                    (row, from, rowLength) -> row(row, from, rowLength, false, fragmentOffset));
        }
        fragmentOffset = offset;
        compressed.fragment(b, at, length, offset);
    }

    private void finishTable(long offset) throws RfcProtocolException {
        if (compressed != null) {
            try (CompressedTableReader content = compressed) {
                compressed = null;
                content.finish(offset);
            }
        }
        if (table != null && table.getNumRows() != rowsExpected) {
            throw new RfcProtocolException("table " + tableName + " announced " + rowsExpected + " rows but "
                    + table.getNumRows() + " arrived", offset);
        }
        table = null;
    }

    private void boundary(int offset) throws RfcProtocolException {
        if (xml == null) {
            xml = new java.io.ByteArrayOutputStream();
            xmlOffset = base + offset;
            return;
        }
        String text = xml.toString(StandardCharsets.UTF_8);
        xml = null;
        if (text.isEmpty()) {
            return;
        }
        int close = text.indexOf('>');
        String root = close > 1 ? text.substring(1, close).trim() : "";
        ParameterMetadata p = parameter(root, offset);
        if (p.type() != AbapType.TABLE) {
            refuseAfterStreamedTable(p.name(), offset);
        }
        Structure list = function.parameters(p.direction());
        FieldMetadata field = list.field(p.name());
        Record target = p.type() == AbapType.TABLE ? list.getTable(field.index())
                : p.type() == AbapType.STRUCTURE ? list.getStructure(field.index()) : null;
        if (target == null) {
            throw new RfcProtocolException("xRFC XML for parameter " + p.name() + " of type " + p.type(), offset);
        }
        if (target instanceof Table t) {
            t.clear();
            s4Tables.remove(p);
        }
        XrfcXml.read(text, p.name(), target, limits.maxTableRows());
    }
}
