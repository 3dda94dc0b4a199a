package org.rfcbridge.protocol.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.api.trace.TraceDirectory;
import org.rfcbridge.protocol.Bytes;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.appc.AppcFunction;
import org.rfcbridge.protocol.appc.AppcHeader;
import org.rfcbridge.protocol.appc.AppcRecord;
import org.rfcbridge.protocol.appc.ExtendedInfo;
import org.rfcbridge.protocol.appc.IncomingDataInfo;
import org.rfcbridge.protocol.appc.InitializeParameters;
import org.rfcbridge.protocol.appc.PartnerLuNameParameters;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.classic.Texts;
import org.rfcbridge.protocol.gateway.GatewayErrorBlock;
import org.rfcbridge.protocol.gateway.GatewayRecord;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.item.ItemReader;
import org.rfcbridge.api.json.FunctionJson;
import org.rfcbridge.protocol.ni.NiFrames;

/**
 * Decodes a trace (a file of NI records, like the captures in {@code shared/vectors/}) into a
 * JSON-ready tree: per record its kind, its gateway or APPC header fields by name, the operation
 * info and control parameters where their layout is known, and its item chain; with metadata, the
 * call's parameters. The scrambled password of a logon is shown as {@code "***"}, never in clear.
 */
public final class TraceDecoder {
    /** Functions whose data is (part of) an RFC item chain. */
    private static final java.util.Set<AppcFunction> ITEM_FUNCTIONS = java.util.EnumSet.of(AppcFunction.F_SAP_SEND,
            AppcFunction.F_ASEND_DATA, AppcFunction.F_SEND_DATA, AppcFunction.F_RECEIVE,
            AppcFunction.F_ACCEPT_CONVERSATION);
    private final ProtocolLimits limits;
    private final Map<String, FunctionMetadata> metadata = new LinkedHashMap<>();
    private final ClassicSerializer serializer;
    private String lastFunction;
    private CompressedTableTrace tables;

    /** A decoder that knows the given function interfaces (may be empty). */
    public TraceDecoder(ProtocolLimits limits, List<FunctionMetadata> functions) {
        this.limits = limits;
        this.serializer = new ClassicSerializer(limits);
        functions.forEach(f -> metadata.put(f.name(), f));
    }

    /**
     * Decodes one trace.
     *
     * @throws RfcProtocolException naming the byte offset in the file where decoding failed
     */
    public List<Object> decode(byte[] trace) throws RfcProtocolException {
        return decode(trace, false);
    }

    /**
     * Decodes one trace file: a destination's (its name says {@code -wsrfc-}) holds WebSocket RFC messages, a
     * listener's NI records.
     *
     * @throws RfcProtocolException naming the byte offset in the file where decoding failed
     */
    public List<Object> decode(Path file) throws IOException, RfcProtocolException {
        return decode(Files.readAllBytes(file), TraceDirectory.isWsRfc(file));
    }

    /**
     * Decodes one trace; {@code webSocketMessages} when each record is a whole WebSocket RFC message (a bare item
     * chain, {@code protocol-wsrfc-2026.md} §2.1) as a destination's trace holds them.
     *
     * @throws RfcProtocolException naming the byte offset in the file where decoding failed
     */
    public List<Object> decode(byte[] trace, boolean webSocketMessages) throws RfcProtocolException {
        List<Object> records = new ArrayList<>();
        tables = new CompressedTableTrace(limits);
        for (NiFrames.Record record : NiFrames.split(trace, limits.maxRecordBytes())) {
            try {
                records.add(webSocketMessages ? message(record) : record(record));
            } catch (RfcProtocolException e) {
                throw new RfcProtocolException("record at offset " + record.offset() + ": " + e.problem(),
                        record.offset() + 4L + e.offset());
            }
        }
        return records;
    }

    private Map<String, Object> message(NiFrames.Record record) throws RfcProtocolException {
        byte[] payload = record.payload();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("offset", record.offset());
        out.put("length", payload.length);
        out.put("kind", "WSRFC");
        out.put("items", items(payload));
        Object call = call(payload);
        if (call != null) {
            out.put("call", call);
        }
        return out;
    }

    private Map<String, Object> record(NiFrames.Record record) throws RfcProtocolException {
        byte[] payload = record.payload();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("offset", record.offset());
        out.put("length", payload.length);
        if (payload.length == 0) {
            out.put("kind", "NI_KEEPALIVE");
        } else if (NiFrames.isPing(payload)) {
            out.put("kind", "NI_PING");
        } else if (NiFrames.isPong(payload)) {
            out.put("kind", "NI_PONG");
        } else if (payload[0] == 2 || payload[0] == 3) {
            out.put("kind", "GATEWAY");
            out.put("gateway", GatewayRecord.decode(payload).fields());
        } else if (AppcRecord.isAppcRecord(payload)) {
            appc(AppcRecord.decode(payload), out);
        } else {
            throw new RfcProtocolException(String.format("payload starts with 0x%02x: neither a gateway record "
                    + "(2, 3) nor an APPC record (6 with 80 header bytes)", payload[0]), 0);
        }
        return out;
    }

    private void appc(AppcRecord record, Map<String, Object> out) throws RfcProtocolException {
        AppcHeader header = record.header();
        out.put("kind", "APPC");
        out.put("appc", header.fields());
        AppcFunction function = header.appcFunction();
        byte[] op = header.operationInfo();
        if (function == AppcFunction.F_INITIALIZE_CONVERSATION || function == AppcFunction.F_ALLOCATE
                || function == AppcFunction.F_DEALLOCATE) {
            ExtendedInfo info = ExtendedInfo.decode(op);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("shortDestination", Bytes.trimmed(info.shortDestination()));
            m.put("lu", Bytes.trimmed(info.lu()));
            m.put("tp", Bytes.trimmed(info.tp()));
            m.put("connectionType", info.connectionType() == 0 ? "" : String.valueOf((char) info.connectionType()));
            m.put("clientInfo", info.clientInfo());
            m.put("communicationIndex", info.communicationIndex());
            m.put("connectionIndex", info.connectionIndex());
            out.put("extendedInfo", m);
        } else if (function == AppcFunction.F_SAP_SEND && record.tail().length == 0 && record.data().length > 0) {
            IncomingDataInfo info = IncomingDataInfo.decode(op);
            out.put("incomingDataInfo", Map.of("receiveCapacity", info.receiveCapacity(), "dataLength",
                    info.dataLength(), "codePage", Bytes.trimmed(info.codePage()), "communicationIndex",
                    info.communicationIndex(), "connectionIndex", info.connectionIndex()));
        }
        if (record.errorText().length > 0) {
            out.put("errorText", GatewayErrorBlock.isErrorBlock(record.errorText())
                    ? GatewayErrorBlock.decode(record.errorText()).fields()
                    : Texts.decode(record.errorText(), 0, record.errorText().length));
        }
        if (record.parameters().length > 0) {
            out.put("parameters", parameters(function, record.parameters()));
        }
        if (record.tail().length > 0) {
            byte[] tail = record.tail();
            out.put("tail", Map.of("cpicPacketSize", Bytes.u16(tail, 2), "maximumRfcPacketSize", Bytes.u32(tail, 4)));
        }
        if (record.data().length > 0 && !ITEM_FUNCTIONS.contains(function)) {
            // e.g. the 45-byte trailer of a call-arrives or accept record: not an item chain
            out.put("trailer", Bytes.hex(record.data(), 0, record.data().length));
        } else if (record.data().length > 0) {
            byte[] data = record.data();
            int dataOffset = AppcHeader.LENGTH + record.errorText().length + record.parameters().length;
            try {
                out.put("items", items(data));
                Object call = call(data);
                if (call != null) {
                    out.put("call", call);
                }
            } catch (RfcProtocolException e) {
                // offsets in the item chain become offsets in the record
                throw new RfcProtocolException(e.problem(), dataOffset + e.offset());
            }
        }
    }

    private Object parameters(AppcFunction function, byte[] parameters) throws RfcProtocolException {
        if (function == AppcFunction.F_SET_PARTNER_LU_NAME) {
            PartnerLuNameParameters p = PartnerLuNameParameters.decode(parameters, 0);
            return Map.of("longLuName", Bytes.trimmed(p.longLuName()), "partnerHostAddress",
                    Bytes.hex(p.partnerHostAddress(), 0, 16));
        }
        if (parameters.length == InitializeParameters.LENGTH) {
            InitializeParameters p = InitializeParameters.decode(parameters, 0);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("clientId", Bytes.trimmed(p.clientId()));
            m.put("version", p.version());
            m.put("protocolName", Bytes.trimmed(p.protocolName()));
            m.put("rootId", Bytes.trimmed(p.rootId()));
            m.put("connectionId", Bytes.trimmed(p.connectionId()));
            m.put("timeout", p.timeout());
            m.put("keepaliveTimeout", p.keepaliveTimeout());
            m.put("startType", p.startType());
            m.put("longLuName", Bytes.trimmed(p.longLuName()));
            m.put("osUser", Bytes.trimmed(p.osUser()));
            m.put("longTpName", Bytes.trimmed(p.longTpName()));
            return m;
        }
        return Map.of("hex", Bytes.hex(parameters, 0, parameters.length));
    }

    private List<Object> items(byte[] data) throws RfcProtocolException {
        List<Object> items = new ArrayList<>();
        ItemReader reader = new ItemReader(data, 0, data.length, limits.maxItems());
        if (reader.hadEyecatcher()) {
            items.add(Map.of("eyecatcher", "RFC0"));
        }
        while (reader.next()) {
            Map<String, Object> table = tables.item(reader.id(), data, reader.valueOffset(), reader.valueLength());
            if (table != null) {
                items.add(table);
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", ItemIds.hex(reader.id()));
            item.put("name", ItemIds.name(reader.id()));
            item.put("length", reader.valueLength());
            if (reader.id() == ItemIds.PASSWORD) {
                item.put("value", "***");
                item.put("encoding", "scrambled password, not shown");
            } else if (reader.valueLength() > 0) {
                value(data, reader.valueOffset(), reader.valueLength(), item);
            }
            items.add(item);
        }
        return items;
    }

    /** A value shown as UTF-16LE or ASCII text where it reads as such, else as hex. */
    static void value(byte[] b, int offset, int length, Map<String, Object> item) {
        if (Texts.looksLikeUtf16(b, offset, length)) {
            String text = new String(b, offset, length, java.nio.charset.StandardCharsets.UTF_16LE);
            if (printable(text)) {
                item.put("value", text);
                item.put("encoding", "utf-16le");
                return;
            }
        }
        String text = new String(b, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (printable(text)) {
            item.put("value", text);
            item.put("encoding", "ascii");
            return;
        }
        item.put("value", Bytes.hex(b, offset, length));
        item.put("encoding", "hex");
    }

    private static boolean printable(String text) {
        return text.chars().allMatch(c -> c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0x7f && c < 0xfffe
                && !Character.isISOControl(c)));
    }

    /** The call's parameters where metadata for it is known; else {@code null}. */
    private Object call(byte[] data) throws RfcProtocolException {
        if (metadata.isEmpty() || data.length < 2) {
            return null;
        }
        ItemReader reader = new ItemReader(data, 0, data.length, limits.maxItems());
        int first = reader.next() ? reader.id() : -1;
        // a call, or a call relayed by the gateway with its caller's logon first
        if (first == ItemIds.CALL_START || first == ItemIds.LOGON_CHAIN_START) {
            String name = serializer.decoder().functionName(data, 0, data.length);
            lastFunction = name;
            FunctionMetadata fm = metadata.get(name);
            if (fm == null) {
                return null;
            }
            Function function = serializer.decoder().decodeRequest(data, 0, data.length, fm);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("function", name);
            m.put("parameters", FunctionJson.values(function, Direction.IMPORT, Direction.CHANGING, Direction.TABLES));
            return m;
        }
        if (first == ItemIds.RESPONSE_START) {
            FunctionMetadata fm = lastFunction != null ? metadata.get(lastFunction)
                    : metadata.size() == 1 ? metadata.values().iterator().next() : null;
            if (fm == null) {
                return null;
            }
            Function function = fm.newFunction();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("function", fm.name());
            try {
                serializer.decoder().decodeResponse(data, 0, data.length, function, "the partner");
                m.put("parameters", FunctionJson.values(function, Direction.EXPORT, Direction.CHANGING, Direction.TABLES));
            } catch (RfcException e) {
                m.put("result", FunctionJson.error(e));
            }
            return m;
        }
        return null;
    }
}
