package org.rfcbridge.protocol.wsrfc;

import java.util.HexFormat;

import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.classic.LogonRequest;
import org.rfcbridge.protocol.classic.PasswordScramble;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.item.ItemReader;
import org.rfcbridge.protocol.item.ItemWriter;

/**
 * The LOGON message of WebSocket RFC ({@code protocol-wsrfc-2026.md} §2.2): the classic logon items
 * without any classic framing (no NI prefix, no APPC header, no {@code RFC0} eyecatcher, no tail),
 * single-byte values, in the fixed order of the reference SDK frame, ending with the embedded call.
 * {@link #toString()} never shows the password.
 *
 * @param client       client, 3 digits
 * @param user         user (the communication user or its alias user)
 * @param password     password; its body is single-byte (a UTF-16 body is refused by the server)
 * @param language     SAP one-character language key (E, D, ...); ISO codes must be mapped first
 * @param address      the client's IP address as text
 * @param host         the client's host name
 * @param destination  destination name the server logs ({@code <unknown>} in the reference)
 * @param program      the client's program name
 * @param sessionToken 16-byte token the client proposes ({@code 0x0514}), or {@code null}: the server then
 *                     omits it too; a random value made a real server go silent (§2.4)
 * @param function     the embedded call, {@code RFCPING}
 */
public record WsRfcLogon(String client, String user, String password, String language, String address, String host,
                         String destination, String program, byte[] sessionToken, String function) {
    /** {@code 0x0101} of the reference LOGON. Meaning of the bytes unknown. */
    static final byte[] HEADER = {3, 1, 1, 1, 1, 1, 0, 0};
    /** {@code 0x0103} of the reference LOGON. */
    static final long PROTOCOL_VERSION = 0x0e0b;
    /** {@code 0x0106} of the reference LOGON ("codepage" descriptor, opaque). */
    static final byte[] CAPABILITIES = HexFormat.of().parseHex("04010003000a0200000023");
    /** {@code 0x000b}, {@code 0x0012} and {@code 0x0013}: the client's own release in the reference frame. */
    static final String CLIENT_RELEASE = "754";

    /** The message, the password scrambled with {@code seed}. */
    public byte[] encode(int seed) {
        ItemWriter w = new ItemWriter(256).item(ItemIds.RFC_HEADER, HEADER).u32(ItemIds.PROTOCOL_VERSION, PROTOCOL_VERSION)
                .item(ItemIds.CAPABILITIES, CAPABILITIES);
        if (sessionToken != null) {
            w.item(ItemIds.SESSION_ID, sessionToken);
        }
        return w.latin1(ItemIds.CLIENT, client).latin1(ItemIds.USER, user)
                .item(ItemIds.PASSWORD, PasswordScramble.scramble(password, seed)).latin1(ItemIds.LANGUAGE, language)
                .item(ItemIds.UNICODE_INDICATOR, new byte[] {1}).latin1(ItemIds.CLIENT_ADDRESS, address)
                // 0x0011 carries the language again in the wRFC reference frame (§2.2 row 11)
                .latin1(ItemIds.CONNECTION_TYPE, language).latin1(ItemIds.LOGON_KERNEL_RELEASE, CLIENT_RELEASE)
                .latin1(ItemIds.KERNEL_PATCH, CLIENT_RELEASE).latin1(ItemIds.PARTNER_HOST, host)
                .latin1(ItemIds.DESTINATION, destination).latin1(ItemIds.PROGRAM_NAME, program)
                .empty(ItemIds.CALL_START).latin1(ItemIds.KERNEL_RELEASE, CLIENT_RELEASE)
                .latin1(ItemIds.FUNCTION_NAME, function).end().toByteArray();
    }

    /** Reads a LOGON (for the simulated cloud system); refuses one that carries a fast-serialization block. */
    public static WsRfcLogon decode(byte[] b, ProtocolLimits limits) throws RfcProtocolException {
        checkFraming(b, limits);
        // the LOGON carries the classic logon items (§2.2), so the classic reader takes them out
        LogonRequest items = LogonRequest.decode(b, 0, b.length, limits);
        byte[] token = items.sessionId().length == 0 ? null : items.sessionId();
        return new WsRfcLogon(items.client(), items.user(), items.password(), items.language(), items.clientAddress(),
                items.partnerHost(), items.destination(), items.programName(), token, items.functionName());
    }

    /** What only a WebSocket LOGON must satisfy: the 0101 header, the end item, no 0x5001 block. */
    private static void checkFraming(byte[] b, ProtocolLimits limits) throws RfcProtocolException {
        ItemReader r = new ItemReader(b, 0, b.length, limits.maxItems());
        boolean sawHeader = false;
        while (r.next()) {
            if (r.id() == ItemIds.FAST_SERIALIZATION) {
                throw new RfcProtocolException("a LOGON must not carry a fast-serialization block (5001)", r.itemOffset());
            }
            sawHeader |= r.id() == ItemIds.RFC_HEADER;
        }
        if (!sawHeader || !r.ended()) {
            throw new RfcProtocolException("not a complete LOGON (no 0101 header or no end item)", 0);
        }
    }

    @Override
    public String toString() {
        return "WsRfcLogon[client=" + client + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", language=" + language + ", function=" + function + "]";
    }
}
