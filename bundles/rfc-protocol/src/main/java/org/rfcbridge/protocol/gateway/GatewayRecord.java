package org.rfcbridge.protocol.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.rfcbridge.protocol.BitFlag;
import org.rfcbridge.protocol.Bytes;
import org.rfcbridge.protocol.RfcProtocolException;

/**
 * A gateway request record: version 2 (64 bytes, IPv4) or version 3 (80 bytes, with an IPv6 address
 * before the return code). Layout from Wireshark's {@code packet-saprfc.c}, open-rfc's {@code
 * gateway.ts} and pysap, checked against the captured GW_NORMAL_CLIENT exchange
 * ({@code protocol-cpic.md} §2.3).
 *
 * <p>Text fields are kept byte for byte (ISO-8859-1, padding included) so that a decoded record
 * encodes to the same bytes; {@link Bytes#trimmed} gives their text.
 *
 * @param version          2 or 3
 * @param requestType      byte 1, see {@link GatewayRequestType}
 * @param ipv4             sender's IPv4 address (4 bytes)
 * @param reserved1        bytes 6-9
 * @param service          bytes 10-19: program or service name, or the Program ID of a registration
 * @param codePage         bytes 20-23, ASCII digits: {@code 1100} proposed, {@code 4103} granted
 * @param reserved2        bytes 24-28
 * @param optionLevel      byte 29 ("gateway option level"): client 0x06, ABAP client 0x0e, gateway 0x0f
 * @param lu               bytes 30-37: sender host name
 * @param tp               bytes 38-45: program name or start of the Program ID
 * @param conversationId   bytes 46-53
 * @param appcVersion      byte 54, 6
 * @param acceptInfo       byte 55, see {@link AcceptInfo}
 * @param index            bytes 56-57, signed, -1 usually
 * @param ipv6             version 3 only: 16 bytes, else {@code null}
 * @param returnCode       u32 after the index (or the IPv6 address)
 * @param echoData         byte after the return code
 * @param filler           last byte
 */
public record GatewayRecord(int version, int requestType, byte[] ipv4, byte[] reserved1, String service, String codePage,
                            byte[] reserved2, int optionLevel, String lu, String tp, String conversationId,
                            int appcVersion, int acceptInfo, int index, byte[] ipv6, long returnCode, int echoData,
                            int filler) {
    /** Length of a version 2 record. */
    public static final int V2_LENGTH = 64;
    /** Length of a version 3 record. */
    public static final int V3_LENGTH = 80;

    /** The accept-info flags as a set. */
    public Set<AcceptInfo> acceptInfoFlags() {
        return BitFlag.of(AcceptInfo.class, acceptInfo);
    }

    /** The request type by name, or {@code null} if unnamed. */
    public GatewayRequestType type() {
        return GatewayRequestType.of(requestType);
    }

    /** True if the payload starts like a gateway record (version 2 or 3 and the matching length). */
    public static boolean isGatewayRecord(byte[] payload) {
        return payload.length > 0 && ((payload[0] == 2 && payload.length == V2_LENGTH)
                || (payload[0] == 3 && payload.length == V3_LENGTH));
    }

    /** Decodes a version 2 or 3 record. */
    public static GatewayRecord decode(byte[] b) throws RfcProtocolException {
        if (b.length == 0 || (b[0] != 2 && b[0] != 3)) {
            throw new RfcProtocolException("not a gateway record: version byte is "
                    + (b.length == 0 ? "missing" : String.format("0x%02x", b[0])) + ", expected 2 or 3", 0);
        }
        int version = b[0];
        int expected = version == 2 ? V2_LENGTH : V3_LENGTH;
        if (b.length != expected) {
            throw new RfcProtocolException("gateway record version " + version + " must be " + expected
                    + " bytes, not " + b.length, 0);
        }
        int tail = version == 2 ? 58 : 74;
        return new GatewayRecord(version, b[1] & 0xff, slice(b, 2, 4), slice(b, 6, 4), Bytes.latin1(b, 10, 10),
                Bytes.latin1(b, 20, 4), slice(b, 24, 5), b[29] & 0xff, Bytes.latin1(b, 30, 8), Bytes.latin1(b, 38, 8),
                Bytes.latin1(b, 46, 8), b[54] & 0xff, b[55] & 0xff, (short) Bytes.u16(b, 56),
                version == 3 ? slice(b, 58, 16) : null, Bytes.u32(b, tail), b[tail + 4] & 0xff, b[tail + 5] & 0xff);
    }

    /** Encodes the record. */
    public byte[] encode() {
        byte[] b = new byte[version == 2 ? V2_LENGTH : V3_LENGTH];
        b[0] = (byte) version;
        b[1] = (byte) requestType;
        System.arraycopy(ipv4, 0, b, 2, 4);
        System.arraycopy(reserved1, 0, b, 6, 4);
        Bytes.putLatin1(b, 10, 10, service, (byte) 0);
        Bytes.putLatin1(b, 20, 4, codePage, (byte) ' ');
        System.arraycopy(reserved2, 0, b, 24, 5);
        b[29] = (byte) optionLevel;
        Bytes.putLatin1(b, 30, 8, lu, (byte) ' ');
        Bytes.putLatin1(b, 38, 8, tp, (byte) ' ');
        Bytes.putLatin1(b, 46, 8, conversationId, (byte) ' ');
        b[54] = (byte) appcVersion;
        b[55] = (byte) acceptInfo;
        Bytes.putU16(b, 56, index);
        int tail = 58;
        if (version == 3) {
            System.arraycopy(ipv6, 0, b, 58, 16);
            tail = 74;
        }
        Bytes.putI32(b, tail, returnCode);
        b[tail + 4] = (byte) echoData;
        b[tail + 5] = (byte) filler;
        return b;
    }

    /**
     * The gateway's answer to a GW_NORMAL_CLIENT or GW_REGISTER_TP: the same record with code page
     * {@code 4103}, option level 0x0f, and CODE_PAGE and NIPING added to the accept info. These are the
     * three changes seen in the captured exchange; echoing the request verbatim is rejected.
     */
    public GatewayRecord gatewayReply() {
        return new GatewayRecord(version, requestType, ipv4, reserved1, service, "4103", reserved2, 0x0f, lu, tp,
                conversationId, appcVersion, acceptInfo | AcceptInfo.CODE_PAGE.bit() | AcceptInfo.NIPING.bit(), index,
                ipv6, returnCode, echoData, filler);
    }

    /** Every field by name, for traces. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("version", version);
        GatewayRequestType type = type();
        fields.put("requestType", type == null ? String.format("0x%02x", requestType) : type.name());
        fields.put("ipv4", (ipv4[0] & 0xff) + "." + (ipv4[1] & 0xff) + "." + (ipv4[2] & 0xff) + "." + (ipv4[3] & 0xff));
        fields.put("service", Bytes.trimmed(service));
        fields.put("codePage", Bytes.trimmed(codePage));
        fields.put("optionLevel", String.format("0x%02x", optionLevel));
        fields.put("lu", Bytes.trimmed(lu));
        fields.put("tp", Bytes.trimmed(tp));
        fields.put("conversationId", Bytes.trimmed(conversationId));
        fields.put("appcVersion", appcVersion);
        fields.put("acceptInfo", String.format("0x%02x", acceptInfo));
        fields.put("acceptInfoFlags", acceptInfoFlags().stream().map(Enum::name).toList());
        fields.put("index", index);
        if (ipv6 != null) {
            fields.put("ipv6", Bytes.hex(ipv6, 0, 16));
        }
        fields.put("returnCode", returnCode);
        return fields;
    }

    private static byte[] slice(byte[] b, int offset, int length) {
        byte[] part = new byte[length];
        System.arraycopy(b, offset, part, 0, length);
        return part;
    }
}
