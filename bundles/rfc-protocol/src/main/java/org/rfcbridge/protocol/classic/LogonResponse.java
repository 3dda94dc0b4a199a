package org.rfcbridge.protocol.classic;

import java.util.HexFormat;

import org.rfcbridge.api.LogonFailureException;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.item.ItemReader;
import org.rfcbridge.protocol.item.ItemWriter;

/**
 * The answer to an initial logon ({@code protocol-cpic.md} §2.7.3). open-rfc accepts two shapes: the
 * short one ({@code 0x0101} success header, {@code 0x0103}, {@code 0x0106}, {@code 0x0161} status,
 * {@code 0x0420}, optional {@code 0x0450}, {@code 0x0016}) and the "rich RFCPING" composite whose
 * embedded response starts at {@code 0x0500}. Both decode here. A logon error starts with the header
 * {@code 01 01 01 01 01 01 00 00} and carries an error envelope, as in the captured
 * {@code server_response.bin} ("Name or password is incorrect (repeat logon)").
 *
 * @param systemId  the system's ID ({@code 0x0450}), may be empty
 * @param codePage  the system code page ({@code 0x0016}), may be empty
 */
public record LogonResponse(String systemId, String codePage) {
    /** {@code 0x0101} value of a successful logon response. */
    static final byte[] SUCCESS_HEADER = {1, 1, 1, 5, 4, 1, 0, 3};
    /** {@code 0x0101} value of a failed logon. */
    static final byte[] ERROR_HEADER = {1, 1, 1, 1, 1, 1, 0, 0};
    /** Protocol version the captured logon error reply carries. */
    static final long PROTOCOL_VERSION = 0x0e0b;
    /** Protocol version of rfcexec's logon-accepted reply. */
    static final long REGISTERED_SERVER_VERSION = 0x0e1b;
    /** Capabilities of HoneySAP's and open-rfc's scripted peers. Meaning unknown. */
    static final byte[] CAPABILITIES = HexFormat.of().parseHex("0401000300030200000023");

    /** The short success shape. */
    public byte[] encode() {
        ItemWriter w = new ItemWriter(128).item(ItemIds.RFC_HEADER, SUCCESS_HEADER)
                .u32(ItemIds.PROTOCOL_VERSION, PROTOCOL_VERSION).item(ItemIds.CAPABILITIES, CAPABILITIES)
                .item(ItemIds.LOGON_STATUS, new byte[] {0}).u32(ItemIds.RETURN_CODE, 0);
        if (!systemId.isEmpty()) {
            w.latin1(ItemIds.SYSTEM_ID, systemId);
        }
        return w.latin1(ItemIds.SYSTEM_CODE_PAGE, codePage).end().toByteArray();
    }

    /**
     * A registered server's "logon accepted" reply to a relayed logon (leg 2 record L4 of
     * {@code protocol-cpic-2026.md} §2, 161 bytes from rfcexec): no {@code 0x0420}, no {@code 0x0500}.
     */
    public static byte[] encodeRegisteredServerAccept(String address, String program, double durationMicros) {
        return new ItemWriter(256).item(ItemIds.RFC_HEADER, ClassicEncoder.FIRST_CALL_HEADER)
                .u32(ItemIds.PROTOCOL_VERSION, REGISTERED_SERVER_VERSION).item(ItemIds.CAPABILITIES, LogonRequest.CAPABILITIES)
                .utf16(ItemIds.CLIENT_ADDRESS, address).latin1(ItemIds.CONNECTION_TYPE, "E")
                .latin1(ItemIds.LOGON_KERNEL_RELEASE, "793").latin1(ItemIds.KERNEL_PATCH, "793 " + address)
                .latin1(ItemIds.PROGRAM_NAME, program)
                .item(ItemIds.SERVER_DURATION, java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .putDouble(durationMicros).array())
                .end().toByteArray();
    }

    /** A logon error reply carrying {@code text}. */
    public static byte[] encodeError(String text) {
        return new ItemWriter(128).item(ItemIds.RFC_HEADER, ERROR_HEADER).u32(ItemIds.PROTOCOL_VERSION, PROTOCOL_VERSION)
                .item(ItemIds.CAPABILITIES, CAPABILITIES).latin1(ItemIds.ERROR_TEXT, Texts.limit(text, ErrorEnvelope.MAX_TEXT))
                .end().toByteArray();
    }

    /**
     * Decodes a logon response.
     *
     * @throws LogonFailureException if the partner refused the logon, with its text
     * @throws RfcException          if the embedded call reports another error
     */
    public static LogonResponse decode(byte[] b, int offset, int length, ProtocolLimits limits, String partner)
            throws RfcException, RfcProtocolException {
        ItemReader r = new ItemReader(b, offset, length, limits.maxItems());
        boolean failed = false;
        int status = 0;
        String systemId = "";
        String codePage = "";
        ErrorEnvelope envelope = new ErrorEnvelope();
        while (r.next()) {
            switch (r.id()) {
                case ItemIds.RFC_HEADER:
                    failed = java.util.Arrays.equals(r.value(), ERROR_HEADER);
                    break;
                case ItemIds.LOGON_STATUS:
                    status = r.valueLength() > 0 ? b[r.valueOffset()] & 0xff : 0;
                    break;
                case ItemIds.SYSTEM_ID:
                    systemId = Texts.decode(b, r.valueOffset(), r.valueLength()).trim();
                    break;
                case ItemIds.SYSTEM_CODE_PAGE:
                    codePage = Texts.decode(b, r.valueOffset(), r.valueLength()).trim();
                    break;
                default:
                    envelope.collect(r.id(), b, r.valueOffset(), r.valueLength());
            }
        }
        RfcException error = envelope.error(partner);
        if (failed || status != 0) {
            String text = error != null ? error.getMessage() : "logon status " + status;
            throw new LogonFailureException(partner + " refused the logon: " + text);
        }
        if (error != null) {
            throw error;
        }
        return new LogonResponse(systemId, codePage);
    }
}
