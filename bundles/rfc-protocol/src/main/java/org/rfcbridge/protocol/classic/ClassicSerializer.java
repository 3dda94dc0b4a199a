package org.rfcbridge.protocol.classic;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.Record;
import org.rfcbridge.api.data.RfcDataException;
import org.rfcbridge.api.data.Structure;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.FieldMetadata;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.api.metadata.ParameterMetadata;
import org.rfcbridge.protocol.Bytes;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.item.ItemReader;
import org.rfcbridge.protocol.item.ItemWriter;

/**
 * The classic RFC serializer for a Unicode partner ({@code protocol-cpic.md} §2.7.6, §2.8): function
 * requests and responses as item chains, parameters from {@code rfc-api} metadata.
 *
 * <p>Scalars and flat structures travel as {@code 0x0201} name / {@code 0x0203} value pairs whose value
 * is the field's Unicode layout (STRING as UTF-8); tables as {@code 0x0301} name, {@code 0x0330} id,
 * {@code 0x0302} row length and count, one row item each; parameters holding strings or nested tables
 * as xRFC XML ({@link XrfcXml}) in {@code 0x3c05} chunks of at most {@value #XRFC_CHUNK} bytes between
 * {@code 0x3c02} boundaries. Decoding also accepts simple-compressed rows ({@code 0x0304} shorter than
 * the row) and the S/4HANA table forms {@code 0x0331}-{@code 0x0336}.
 */
public final class ClassicSerializer {
    /** Kernel release written in {@code 0x000b}: the captured NW RFC SDK value. */
    public static final String KERNEL_RELEASE = "754";
    /** Largest xRFC XML chunk written (open-rfc's split size). */
    public static final int XRFC_CHUNK = 16_384;
    /** S/4 native table descriptor ({@code 0x0333}): kind, id, row count as big-endian u32 (public S/4 test data). */
    static final int S4_DESCRIPTOR_LENGTH = 12;
    /** Items a classic request may hold after {@code 0x0512}, besides those decoded above. */
    private static final java.util.Set<Integer> PARAMETER_SECTION = java.util.Set.of(ItemIds.TRACE_BLOCK,
            ItemIds.TABLE_ID, ItemIds.TABLE_END, ItemIds.S4_TABLE_ID, ItemIds.S4_TABLE_TRAILER, ItemIds.END,
            ItemIds.SERVER_RESET_DONE, ItemIds.SESSION_ID);
    /** {@code 0x0101} value of the first call after a logon and of RFC_PING (open-rfc). Meaning unknown. */
    static final byte[] FIRST_CALL_HEADER = {3, 1, 1, 5, 4, 1, 0, 3};

    private final ProtocolLimits limits;

    /** A serializer that enforces the given limits while decoding. */
    public ClassicSerializer(ProtocolLimits limits) {
        this.limits = limits;
    }

    // ------------------------------------------------------------------ requests

    /** The item chain of a call (without the APPC tail): call start, function, requested outputs, inputs, end. */
    public byte[] encodeRequest(Function function) {
        return writeRequest(function).toByteArray();
    }

    /**
     * The request in a writer sized for it, for callers that send {@code buffer()[0, length())}
     * without copying (large tables).
     */
    public ItemWriter writeRequest(Function function) {
        ItemWriter w = new ItemWriter(estimate(function));
        w.empty(ItemIds.CALL_START).utf16(ItemIds.KERNEL_RELEASE, KERNEL_RELEASE)
                .utf16(ItemIds.FUNCTION_NAME, function.name()).empty(ItemIds.CALL_CONTEXT);
        FunctionMetadata metadata = function.metadata();
        for (ParameterMetadata p : metadata.parameters()) {
            if (p.direction() != Direction.IMPORT && function.isActive(p)) {
                w.utf16(ItemIds.REQUESTED_OUTPUT, p.name());
            }
        }
        TableIds ids = new TableIds();
        for (ParameterMetadata p : metadata.parameters()) {
            if (p.direction() != Direction.EXPORT) {
                writeParameter(w, p, function.parameters(p.direction()), ids);
            }
        }
        return w.end();
    }

    /**
     * RFC_PING as the first call after a logon ({@code protocol-cpic.md} §2.7.5): the RFC header
     * {@code 03 01 01 05 04 01 00 03}, protocol version, capabilities, logon marker and session id
     * before the call, and no parameters.
     */
    public byte[] encodePing(byte[] sessionId) {
        return new ItemWriter(256).item(ItemIds.RFC_HEADER, FIRST_CALL_HEADER)
                .u32(ItemIds.PROTOCOL_VERSION, LogonRequest.PROTOCOL_VERSION)
                .item(ItemIds.CAPABILITIES, LogonRequest.CAPABILITIES).empty(ItemIds.LOGON_MARKER)
                .item(ItemIds.SESSION_ID, sessionId).empty(ItemIds.CALL_START)
                .utf16(ItemIds.KERNEL_RELEASE, KERNEL_RELEASE).utf16(ItemIds.FUNCTION_NAME, "RFC_PING")
                .empty(ItemIds.CALL_CONTEXT).end().toByteArray();
    }

    /**
     * The function a request calls, found without metadata.
     *
     * @throws RfcProtocolException if the chain is malformed or names no function
     */
    public String functionName(byte[] b, int offset, int length) throws RfcProtocolException {
        ItemReader reader = new ItemReader(b, offset, length, limits.maxItems());
        while (reader.next()) {
            if (reader.id() == ItemIds.FUNCTION_NAME) {
                return Texts.decode(b, reader.valueOffset(), reader.valueLength()).trim();
            }
            if (reader.id() == ItemIds.FAST_SERIALIZATION) {
                break;
            }
        }
        throw new RfcProtocolException("the request names no function (no item 0102)", 0);
    }

    /** Decodes a request into a new call of the function. */
    public Function decodeRequest(byte[] b, int offset, int length, FunctionMetadata metadata) throws RfcProtocolException {
        Function function = metadata.newFunction();
        for (ParameterMetadata p : metadata.parameters()) {
            if (p.direction() != Direction.IMPORT) {
                function.setActive(p.name(), false);
            }
        }
        Decoder decoder = new Decoder(function, true);
        decoder.feed(b, offset, length);
        decoder.end();
        return function;
    }

    // ------------------------------------------------------------------ responses

    /** A success reply: response start, context, parameters, program, duration, end. */
    public byte[] encodeResponse(Function function, ResponseOptions options) {
        return writeResponse(function, options).toByteArray();
    }

    /** The success reply in a writer sized for it; see {@link #writeRequest}. */
    public ItemWriter writeResponse(Function function, ResponseOptions options) {
        ItemWriter w = new ItemWriter(estimate(function));
        TableIds ids = new TableIds();
        List<ParameterMetadata> outputs = outputs(function);
        writeResponseHead(w, function, outputs, options);
        for (ParameterMetadata p : outputs) {
            if (p.type() == AbapType.TABLE) {
                writeParameter(w, p, function.parameters(p.direction()), ids);
            }
        }
        return writeResponseTail(w, options);
    }

    /**
     * A success reply written while its tables' rows still arrive: set it as the {@link org.rfcbridge.api.data.RowStream}
     * of the reply's tables before the call, and it writes each table as its rows come, after the scalar
     * outputs (which therefore must have arrived before the first table: the classic order, see
     * {@code docs/protocol.md}). Whenever more than {@code partSize} bytes are written, they are handed to
     * {@code parts} and forgotten, so the reply never has to fit in memory.
     */
    public StreamedResponse streamedResponse(Function function, ResponseOptions options, int partSize,
                                             StreamedResponse.Parts parts) {
        return new StreamedResponse(this, function, options, partSize, parts);
    }

    /** Response start, context, return code, the names and values of every output that is not a table. */
    void writeResponseHead(ItemWriter w, Function function, List<ParameterMetadata> outputs, ResponseOptions options) {
        w.empty(ItemIds.RESPONSE_START).empty(ItemIds.RESPONSE_CONTEXT);
        if (options.sessionId() != null) {
            w.item(ItemIds.SESSION_ID, options.sessionId());
        }
        w.u32(ItemIds.RETURN_CODE, 0).empty(ItemIds.CALL_CONTEXT);
        for (ParameterMetadata p : outputs) {
            if (p.direction() != Direction.TABLES) {
                w.utf16(ItemIds.REQUESTED_OUTPUT, p.name());
            }
        }
        TableIds none = new TableIds();
        for (ParameterMetadata p : outputs) {
            if (p.type() != AbapType.TABLE) {
                writeParameter(w, p, function.parameters(p.direction()), none);
            }
        }
    }

    /** One output parameter with the values the call holds (a table with its kept rows). */
    void writeOutput(ItemWriter w, ParameterMetadata p, Function function, TableIds ids) {
        writeParameter(w, p, function.parameters(p.direction()), ids);
    }

    /** Program name, server duration and the end item. */
    ItemWriter writeResponseTail(ItemWriter w, ResponseOptions options) {
        w.utf16(ItemIds.PROGRAM_NAME, String.format("%-40s", options.programName()).substring(0, 40));
        w.item(ItemIds.SERVER_DURATION, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putDouble(options.durationMicros()).array());
        return w.end();
    }

    /** The active outputs: EXPORTING, then CHANGING, then TABLES, each in interface order. */
    static List<ParameterMetadata> outputs(Function function) {
        List<ParameterMetadata> outputs = new ArrayList<>();
        for (Direction direction : new Direction[] {Direction.EXPORT, Direction.CHANGING, Direction.TABLES}) {
            for (ParameterMetadata p : function.metadata().parameters()) {
                if (p.direction() == direction && function.isActive(p)) {
                    outputs.add(p);
                }
            }
        }
        return outputs;
    }

    /**
     * Applies a reply to the call: EXPORTING, CHANGING and TABLES values, or the error it reports.
     *
     * @param partner names the partner in error texts (destination or system)
     * @throws RfcException the error the reply reports
     * @throws RfcProtocolException if the reply is malformed or does not fit the metadata
     */
    public void decodeResponse(byte[] b, int offset, int length, Function function, String partner)
            throws RfcException, RfcProtocolException {
        ResponseDecoder decoder = responseDecoder(function, partner);
        decoder.feed(b, offset, length);
        decoder.end();
    }

    /**
     * A reply applied to the call piece by piece as it arrives, each piece holding whole items (see
     * {@code WsRfcMessages.takeItems}): table rows reach the table, or the {@link org.rfcbridge.api.data.RowStream}
     * set on it, while later pieces are still on their way.
     */
    public ResponseDecoder responseDecoder(Function function, String partner) {
        return new ResponseDecoder(new Decoder(function, false), partner);
    }

    /** See {@link #responseDecoder}. */
    public static final class ResponseDecoder {
        private final Decoder decoder;
        private final String partner;

        private ResponseDecoder(Decoder decoder, String partner) {
            this.decoder = decoder;
            this.partner = partner;
        }

        /**
         * Applies the next piece of the reply.
         *
         * @throws RfcProtocolException if the piece is malformed (offsets count from the reply's start)
         */
        public void feed(byte[] b, int offset, int length) throws RfcProtocolException {
            decoder.feed(b, offset, length);
        }

        /**
         * Ends the reply.
         *
         * @throws RfcException the error the reply reports
         * @throws RfcProtocolException if the reply ends in the middle of a table or of xRFC XML
         */
        public void end() throws RfcException, RfcProtocolException {
            decoder.end();
            RfcException error = decoder.envelope.error(partner);
            if (error != null) {
                throw error;
            }
        }
    }

    // ------------------------------------------------------------------ writing parameters

    private void writeParameter(ItemWriter w, ParameterMetadata p, Structure list, TableIds ids) {
        FieldMetadata field = list.field(p.name());
        switch (p.type()) {
            case TABLE: {
                Table table = list.getTable(field.index());
                if (table.metadata().isFlat()) {
                    writeClassicTable(w, p.name(), table, ids.next());
                } else {
                    writeXml(w, XrfcXml.table(p.name(), table));
                }
                return;
            }
            case STRUCTURE:
                if (!field.isDeep()) {
                    break;
                }
                writeXml(w, XrfcXml.structure(p.name(), list.getStructure(field.index())));
                return;
            case STRING:
                w.utf16(ItemIds.PARAMETER_NAME, p.name());
                w.item(ItemIds.PARAMETER_VALUE, list.getString(field.index()).getBytes(StandardCharsets.UTF_8));
                return;
            case XSTRING:
                w.utf16(ItemIds.PARAMETER_NAME, p.name());
                w.item(ItemIds.PARAMETER_VALUE, list.getBytes(field.index()));
                return;
            default:
                break;
        }
        w.utf16(ItemIds.PARAMETER_NAME, p.name());
        int at = w.reserve(ItemIds.PARAMETER_VALUE, field.byteLength());
        list.getRaw(field.index(), w.buffer(), at);
    }

    private static void writeClassicTable(ItemWriter w, String name, Table table, int id) {
        int rowLength = table.metadata().byteLength();
        writeTableHeader(w, name, id, rowLength, table.getNumRows());
        for (int row = 0, rows = table.getNumRows(); row < rows; row++) {
            int at = w.reserve(ItemIds.TABLE_ROW_COMPRESSED, rowLength);
            table.copyRowTo(row, w.buffer(), at);
        }
    }

    /** {@code 0x0301} name, {@code 0x0330} id and {@code 0x0302} row length and count; the rows follow as {@code 0x0304}. */
    static void writeTableHeader(ItemWriter w, String name, int id, int rowLength, int rows) {
        w.utf16(ItemIds.TABLE_NAME, name).u32(ItemIds.TABLE_ID, id);
        byte[] header = new byte[8];
        Bytes.putI32(header, 0, rowLength);
        Bytes.putI32(header, 4, rows);
        w.item(ItemIds.TABLE_HEADER, header);
    }

    private static void writeXml(ItemWriter w, String xml) {
        byte[] utf8 = xml.getBytes(StandardCharsets.UTF_8);
        w.empty(ItemIds.XRFC_BOUNDARY);
        for (int offset = 0; offset < utf8.length; offset += XRFC_CHUNK) {
            w.item(ItemIds.XRFC_CHUNK, utf8, offset, Math.min(XRFC_CHUNK, utf8.length - offset));
        }
        w.empty(ItemIds.XRFC_BOUNDARY);
    }

    static int estimate(Function function) {
        long bytes = 512;
        for (Direction direction : Direction.values()) {
            Structure list = function.parameters(direction);
            bytes += list.metadata().byteLength() + 64L * list.metadata().fieldCount();
            for (FieldMetadata f : list.metadata().fields()) {
                if (f.type() == AbapType.TABLE) {
                    Table table = list.getTable(f.index());
                    bytes += table.rowBytes() + 6L * table.getNumRows();
                }
            }
        }
        return (int) Math.min(bytes, Integer.MAX_VALUE - 64);
    }

    /** Numbers the tables of one message for {@code 0x0330}, from 1. */
    static final class TableIds {
        private int next;

        int next() {
            return ++next;
        }
    }

    // ------------------------------------------------------------------ reading

    /** One pass over a request or response chain. */
    private final class Decoder {
        private final Function function;
        private final boolean request;
        final ErrorEnvelope envelope = new ErrorEnvelope();
        private final Deque<ParameterMetadata> s4Tables = new ArrayDeque<>();
        private String pendingName;
        private Table table;
        private String tableName;
        private int tableRowLength;
        private long rowsExpected;
        private java.io.ByteArrayOutputStream xml;
        private long xmlOffset;
        private boolean inParameters;
        /** Where the piece being decoded starts in the whole chain, and the items decoded before it. */
        private long base;
        private int items;
        /** Name of the first table whose rows went to a row stream: later values could not follow it. */
        private String streamedTable;

        Decoder(Function function, boolean request) {
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
            if (id != ItemIds.TABLE_ROW && id != ItemIds.TABLE_ROW_COMPRESSED && id != ItemIds.S4_TABLE_ROW
                    && id != ItemIds.TABLE_ID && id != ItemIds.TABLE_HEADER) {
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
                case ItemIds.TABLE_LZ_CHUNK:
                    throw new RfcProtocolException("LZ-compressed table content (item 0305) is not supported; the "
                            + "partner must send uncompressed tables", r.itemOffset());
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
                case ItemIds.FAST_SERIALIZATION:
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

        private void finishTable(long offset) throws RfcProtocolException {
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
}
