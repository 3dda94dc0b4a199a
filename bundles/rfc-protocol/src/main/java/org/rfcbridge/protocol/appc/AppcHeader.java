package org.rfcbridge.protocol.appc;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.rfcbridge.protocol.BitFlag;
import org.rfcbridge.protocol.Bytes;
import org.rfcbridge.protocol.RfcProtocolException;

/**
 * The 80-byte APPC/CPI-C header: a 48-byte common part and 32 bytes of operation info whose layout
 * depends on the function ({@link ExtendedInfo}, {@link PartnerLuInfo}, {@link DataInfo},
 * {@link IncomingDataInfo}). Layout from open-rfc {@code appc.ts}, Wireshark and pysap, checked
 * against the captures ({@code protocol-cpic.md} §2.4.1). All integers are big-endian.
 *
 * <p>Mutable with fluent setters, so a record can be built from a template; {@link #copy()} before
 * changing a shared template.
 */
public final class AppcHeader {
    /** Length of the header. */
    public static final int LENGTH = 80;
    /** First byte of every APPC record. */
    public static final int VERSION = 6;
    /** Blank conversation id: what a client sends before the gateway assigns one. */
    public static final String NO_CONVERSATION = "        ";

    private int function;
    private int protocol;
    private int mode;
    private int uid = 0xffff;
    private int gatewayId;
    private int errorLength;
    private int info2;
    private int traceLevel;
    private long time;
    private int info3;
    private int timeout;
    private int info4;
    private long sequenceNumber;
    private int sapParameterLength;
    private int padding;
    private int info;
    private int vector;
    private long appcReturnCode;
    private long sapReturnCode;
    private String conversationId = NO_CONVERSATION;
    private byte[] operationInfo = new byte[32];

    /** A header for the function with every other field zero, uid 0xffff and a blank conversation id. */
    public AppcHeader(AppcFunction function) {
        this.function = function.code();
    }

    private AppcHeader() {
    }

    /** Decodes the first 80 bytes. */
    public static AppcHeader decode(byte[] b) throws RfcProtocolException {
        if (b.length < LENGTH) {
            throw new RfcProtocolException("an APPC record needs " + LENGTH + " header bytes, this one has " + b.length, 0);
        }
        if (b[0] != VERSION) {
            throw new RfcProtocolException(String.format("not an APPC record: version byte 0x%02x, expected 0x06", b[0]), 0);
        }
        AppcHeader h = new AppcHeader();
        h.function = b[1] & 0xff;
        h.protocol = b[2] & 0xff;
        h.mode = b[3] & 0xff;
        h.uid = Bytes.u16(b, 4);
        h.gatewayId = Bytes.u16(b, 6);
        h.errorLength = Bytes.u16(b, 8);
        h.info2 = b[10] & 0xff;
        h.traceLevel = b[11] & 0xff;
        h.time = Bytes.u32(b, 12);
        h.info3 = b[16] & 0xff;
        h.timeout = Bytes.i32(b, 17);
        h.info4 = b[21] & 0xff;
        h.sequenceNumber = Bytes.u32(b, 22);
        h.sapParameterLength = Bytes.u16(b, 26);
        h.padding = Bytes.u16(b, 28);
        h.info = b[30] & 0xff;
        h.vector = b[31] & 0xff;
        h.appcReturnCode = Bytes.u32(b, 32);
        h.sapReturnCode = Bytes.u32(b, 36);
        h.conversationId = Bytes.latin1(b, 40, 8);
        h.operationInfo = Arrays.copyOfRange(b, 48, 80);
        return h;
    }

    /** Writes the header into {@code b} at {@code offset}. */
    public void encode(byte[] b, int offset) {
        b[offset] = VERSION;
        b[offset + 1] = (byte) function;
        b[offset + 2] = (byte) protocol;
        b[offset + 3] = (byte) mode;
        Bytes.putU16(b, offset + 4, uid);
        Bytes.putU16(b, offset + 6, gatewayId);
        Bytes.putU16(b, offset + 8, errorLength);
        b[offset + 10] = (byte) info2;
        b[offset + 11] = (byte) traceLevel;
        Bytes.putI32(b, offset + 12, time);
        b[offset + 16] = (byte) info3;
        Bytes.putI32(b, offset + 17, timeout);
        b[offset + 21] = (byte) info4;
        Bytes.putI32(b, offset + 22, sequenceNumber);
        Bytes.putU16(b, offset + 26, sapParameterLength);
        Bytes.putU16(b, offset + 28, padding);
        b[offset + 30] = (byte) info;
        b[offset + 31] = (byte) vector;
        Bytes.putI32(b, offset + 32, appcReturnCode);
        Bytes.putI32(b, offset + 36, sapReturnCode);
        Bytes.putLatin1(b, offset + 40, 8, conversationId, (byte) ' ');
        System.arraycopy(operationInfo, 0, b, offset + 48, 32);
    }

    /** The header as 80 bytes. */
    public byte[] encode() {
        byte[] b = new byte[LENGTH];
        encode(b, 0);
        return b;
    }

    /** An independent copy. */
    public AppcHeader copy() {
        AppcHeader h = new AppcHeader();
        h.function = function; h.protocol = protocol; h.mode = mode; h.uid = uid; h.gatewayId = gatewayId;
        h.errorLength = errorLength; h.info2 = info2; h.traceLevel = traceLevel; h.time = time; h.info3 = info3;
        h.timeout = timeout; h.info4 = info4; h.sequenceNumber = sequenceNumber;
        h.sapParameterLength = sapParameterLength; h.padding = padding; h.info = info; h.vector = vector;
        h.appcReturnCode = appcReturnCode; h.sapReturnCode = sapReturnCode; h.conversationId = conversationId;
        h.operationInfo = operationInfo.clone();
        return h;
    }

    public int function() { return function; }
    /** The function by name, {@code null} if unnamed. */
    public AppcFunction appcFunction() { return AppcFunction.of(function); }
    public AppcHeader function(AppcFunction value) { function = value.code(); return this; }
    /** Byte 2: 2 for external clients, 7 on registered-server and type-T records. */
    public int protocol() { return protocol; }
    public AppcHeader protocol(int value) { protocol = value; return this; }
    public int mode() { return mode; }
    public AppcHeader mode(int value) { mode = value; return this; }
    /** Bytes 4-5: 0xffff from external clients; an ABAP client's value is echoed back. */
    public int uid() { return uid; }
    public AppcHeader uid(int value) { uid = value; return this; }
    public int gatewayId() { return gatewayId; }
    public AppcHeader gatewayId(int value) { gatewayId = value; return this; }
    /** Bytes 8-9: length of the error text after the header. */
    public int errorLength() { return errorLength; }
    public AppcHeader errorLength(int value) { errorLength = value; return this; }
    public int info2() { return info2; }
    public Set<AppcFlags.Info2> info2Flags() { return BitFlag.of(AppcFlags.Info2.class, info2); }
    public AppcHeader info2(int value) { info2 = value; return this; }
    public int traceLevel() { return traceLevel; }
    public AppcHeader traceLevel(int value) { traceLevel = value; return this; }
    public long time() { return time; }
    public AppcHeader time(long value) { time = value; return this; }
    public int info3() { return info3; }
    public Set<AppcFlags.Info3> info3Flags() { return BitFlag.of(AppcFlags.Info3.class, info3); }
    public AppcHeader info3(int value) { info3 = value; return this; }
    /** Bytes 17-20, signed: 0, -1, or 500 on server data records. */
    public int timeout() { return timeout; }
    public AppcHeader timeout(int value) { timeout = value; return this; }
    public int info4() { return info4; }
    public Set<AppcFlags.Info4> info4Flags() { return BitFlag.of(AppcFlags.Info4.class, info4); }
    public AppcHeader info4(int value) { info4 = value; return this; }
    public long sequenceNumber() { return sequenceNumber; }
    public AppcHeader sequenceNumber(long value) { sequenceNumber = value; return this; }
    /** Bytes 26-27: 373 for F_INITIALIZE, 144 for F_SET_PARTNER_LU_NAME, 8 for a compact data record. */
    public int sapParameterLength() { return sapParameterLength; }
    public AppcHeader sapParameterLength(int value) { sapParameterLength = value; return this; }
    public int padding() { return padding; }
    public AppcHeader padding(int value) { padding = value; return this; }
    public int info() { return info; }
    public Set<AppcFlags.Info> infoFlags() { return BitFlag.of(AppcFlags.Info.class, info); }
    public AppcHeader info(int value) { info = value; return this; }
    public int vector() { return vector; }
    public Set<AppcFlags.Vector> vectorFlags() { return BitFlag.of(AppcFlags.Vector.class, vector); }
    public AppcHeader vector(int value) { vector = value; return this; }
    /** Bytes 32-35: the CPI-C return code, see {@link AppcReturnCode}. */
    public long appcReturnCode() { return appcReturnCode; }
    public AppcHeader appcReturnCode(long value) { appcReturnCode = value; return this; }
    /** Bytes 36-39: the SAP return code, e.g. 679 "program not registered". */
    public long sapReturnCode() { return sapReturnCode; }
    public AppcHeader sapReturnCode(long value) { sapReturnCode = value; return this; }
    /** Bytes 40-47: 8 ASCII digits once the gateway assigned them. */
    public String conversationId() { return conversationId; }
    public AppcHeader conversationId(String value) { conversationId = value; return this; }
    /** Bytes 48-79 (a copy). */
    public byte[] operationInfo() { return operationInfo.clone(); }
    public AppcHeader operationInfo(byte[] value) {
        if (value.length != 32) {
            throw new IllegalArgumentException("operation info is 32 bytes, not " + value.length);
        }
        operationInfo = value.clone();
        return this;
    }

    /** True if the vector marks the end of a message ({@code F_V_SEND_DATA} on incoming data, open-rfc). */
    public boolean endOfMessage() {
        return (vector & AppcFlags.Vector.F_V_SEND_DATA.bit()) != 0;
    }

    /** Every field by name, for traces. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        AppcFunction named = appcFunction();
        fields.put("function", named == null ? String.format("0x%02x", function) : named.name());
        fields.put("protocol", protocol);
        fields.put("mode", mode);
        fields.put("uid", String.format("0x%04x", uid));
        fields.put("gatewayId", gatewayId);
        fields.put("errorLength", errorLength);
        fields.put("info2", names(info2Flags(), info2));
        fields.put("traceLevel", traceLevel);
        fields.put("time", time);
        fields.put("info3", names(info3Flags(), info3));
        fields.put("timeout", timeout);
        fields.put("info4", names(info4Flags(), info4));
        fields.put("sequenceNumber", sequenceNumber);
        fields.put("sapParameterLength", sapParameterLength);
        fields.put("padding", String.format("0x%04x", padding));
        fields.put("info", names(infoFlags(), info));
        fields.put("vector", names(vectorFlags(), vector));
        AppcReturnCode rc = AppcReturnCode.of(appcReturnCode);
        fields.put("appcReturnCode", rc == null ? Long.toString(appcReturnCode) : rc.name());
        fields.put("sapReturnCode", sapReturnCode);
        fields.put("conversationId", conversationId);
        fields.put("operationInfo", Bytes.hex(operationInfo, 0, 32));
        return fields;
    }

    private static Map<String, Object> names(Set<? extends Enum<?>> flags, int value) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("value", String.format("0x%02x", value));
        entry.put("flags", flags.stream().map(Enum::name).toList());
        return entry;
    }
}
