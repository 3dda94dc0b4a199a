package org.rfcbridge.protocol.classic;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.Structure;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.FieldMetadata;
import org.rfcbridge.api.metadata.ParameterMetadata;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.item.ItemWriter;

/**
 * Writes classic RFC item chains ({@code protocol-cpic.md} §2.7.6, §2.8) for a Unicode partner: function
 * requests and replies, parameters from {@code rfc-api} metadata.
 *
 * <p>Scalars and flat structures travel as {@code 0x0201} name / {@code 0x0203} value pairs whose value
 * is the field's Unicode layout (STRING as UTF-8); tables as {@code 0x0301} name, {@code 0x0330} id,
 * {@code 0x0302} row length and count, then one row item each or, with table compression on and from
 * {@value TableCompression#THRESHOLD} bytes, SAP-compressed {@code 0x0305} fragments; parameters holding
 * strings or nested tables as xRFC XML ({@link XrfcXml}) in {@code 0x3c05} chunks of at most
 * {@value #XRFC_CHUNK} bytes between {@code 0x3c02} boundaries.
 */
public final class ClassicEncoder {
    /** Kernel release written in {@code 0x000b}: the captured NW RFC SDK value. */
    public static final String KERNEL_RELEASE = "754";
    /** Largest xRFC XML chunk written (open-rfc's split size). */
    public static final int XRFC_CHUNK = 16_384;
    /** {@code 0x0101} value of the first call after a logon and of RFC_PING (open-rfc). Meaning unknown. */
    static final byte[] FIRST_CALL_HEADER = {3, 1, 1, 5, 4, 1, 0, 3};

    private final TableCompression compression;

    /** An encoder that compresses tables as {@code compression} says. */
    public ClassicEncoder(TableCompression compression) {
        this.compression = compression;
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
        writeRequestHead(w, function);
        TableIds ids = new TableIds();
        for (ParameterMetadata p : inputs(function)) {
            writeParameter(w, p, function.parameters(p.direction()), ids);
        }
        return w.end();
    }

    /**
     * A request written while its tables' rows still arrive from the caller: set it as the
     * {@link org.rfcbridge.api.data.RowStream} of the call's tables ({@link StreamedRequest#streamTables()}) before
     * the rest of the request is decoded, and it writes the inputs that are not tables when the first table begins,
     * then each table as its rows come; more than {@code partSize} bytes written are handed to {@code parts} and
     * forgotten, so the request never has to fit in memory.
     */
    public StreamedRequest streamedRequest(Function function, int partSize, StreamedResponse.Parts parts) {
        return new StreamedRequest(this, function, partSize, parts);
    }

    /** Call start, kernel release, function name, call context and the outputs the caller asks for. */
    void writeRequestHead(ItemWriter w, Function function) {
        w.empty(ItemIds.CALL_START).utf16(ItemIds.KERNEL_RELEASE, KERNEL_RELEASE)
                .utf16(ItemIds.FUNCTION_NAME, function.name()).empty(ItemIds.CALL_CONTEXT);
        for (ParameterMetadata p : function.metadata().parameters()) {
            if (p.direction() != Direction.IMPORT && function.isActive(p)) {
                w.utf16(ItemIds.REQUESTED_OUTPUT, p.name());
            }
        }
    }

    /** The parameters a request carries: every one but EXPORTING, in interface order. */
    static List<ParameterMetadata> inputs(Function function) {
        return function.metadata().parameters().stream().filter(p -> p.direction() != Direction.EXPORT).toList();
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

    /** One parameter with the values the call holds (a table with its kept rows). */
    void writeParameter(ItemWriter w, ParameterMetadata p, Function function, TableIds ids) {
        writeParameter(w, p, function.parameters(p.direction()), ids);
    }

    /** Program name, server duration and the end item. */
    ItemWriter writeResponseTail(ItemWriter w, ResponseOptions options) {
        w.utf16(ItemIds.PROGRAM_NAME, Texts.padded(options.programName(), 40));
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

    private void writeClassicTable(ItemWriter w, String name, Table table, int id) {
        startTable(w, name, id, table.metadata().byteLength(), table.getNumRows()).rows(table);
    }

    /** Writes a table's head; its rows follow through the writer returned. */
    ClassicTableWriter startTable(ItemWriter w, String name, int id, int rowLength, int rows) {
        return ClassicTableWriter.start(w, name, id, rowLength, rows, compression);
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
}
