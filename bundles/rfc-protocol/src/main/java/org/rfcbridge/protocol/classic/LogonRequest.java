package org.rfcbridge.protocol.classic;

import java.util.HexFormat;

import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.item.ItemReader;
import org.rfcbridge.protocol.item.ItemWriter;

/**
 * The initial logon request ({@code protocol-cpic.md} §2.7.3): the {@code RFC0} eyecatcher, then the
 * logon items in open-rfc's order (which its decoder enforces and the NW RFC SDK capture shows), with
 * single-byte values, ending with an embedded {@code RFCPING}. Decoding is tolerant of order and of
 * UTF-16LE values (relayed ABAP logons write the user that way) and keeps what it does not know.
 *
 * <p>The same logon context also comes in the shape a calling ABAP system sends through the gateway to a
 * registered server ({@link #encodeRelayed}, {@code protocol-cpic-2026.md} §1.4): no eyecatcher, anchored
 * on {@code 0x0002}, no password, maybe an assertion ticket ({@code 0x0670}) and a {@code 0x5001} block,
 * then the call. {@link #decode} reads both shapes.
 *
 * <p>{@link #toString()} never shows the password.
 *
 * @param client        client, 3 digits
 * @param user          user
 * @param password      password, or {@code null} (no {@code 0x0117} item)
 * @param language      one-letter language key
 * @param sessionId     16 bytes
 * @param clientAddress the caller's address
 * @param partnerSystem partner system
 * @param partnerHost   partner host
 * @param destination   destination name
 * @param programName   calling program
 * @param functionName  the embedded call, {@code RFCPING}
 * @param systemId      the calling system's ID, in {@link #SENDER_SYSTEM_ID}
 */
public record LogonRequest(String client, String user, String password, String language, byte[] sessionId,
                           String clientAddress, String partnerSystem, String partnerHost, String destination,
                           String programName, String functionName, String systemId) {
    /**
     * The item that carries the caller's system ID in a relayed logon. Unverified: the relayed logon's
     * bytes are not public; {@code 0x0450} is where SAP writes a system ID in logon replies, and the
     * simulated on-prem system writes it here. Routing by sender reads it from this one place.
     */
    public static final int SENDER_SYSTEM_ID = ItemIds.SYSTEM_ID;

    /**
     * The {@code 0x5001} block of a relayed logon context: its captured first bytes {@code 24 48 02 03 00}
     * and code page {@code 41 03} (4103), then zeros. The rest of SAP's block is not published (unverified);
     * a receiver ignores the block before the call.
     */
    static final byte[] RELAYED_CONTEXT_BLOCK = java.util.Arrays.copyOf(new byte[] {0x24, 0x48, 2, 3, 0, 0x41, 3}, 64);
    /** The {@code 0x0101} value of an initial logon request (open-rfc). */
    static final byte[] HEADER = {3, 1, 1, 1, 1, 1, 0, 0};
    /** Protocol version {@code 0x0103} a client writes (open-rfc). */
    static final long PROTOCOL_VERSION = 0x0e09;
    /** Capabilities {@code 0x0106} a client writes (open-rfc). Meaning of the bytes unknown. */
    static final byte[] CAPABILITIES = HexFormat.of().parseHex("04010003000a0200000023");

    /** The item chain (without the APPC tail) with the embedded RFCPING; the password scrambled with {@code seed}. */
    public byte[] encode(int seed) {
        byte[] ping = new ItemWriter(64).empty(ItemIds.CALL_START).latin1(ItemIds.KERNEL_RELEASE, ClassicEncoder.KERNEL_RELEASE)
                .latin1(ItemIds.FUNCTION_NAME, functionName).end().toByteArray();
        return encodeWithCall(seed, ping);
    }

    /**
     * The logon items followed by a call's chain (which starts with {@code 0x0502} and ends with the end
     * item): what a trusted caller sends in one record, the call found after the logon context
     * ({@code protocol-cpic-2026.md} §1.4).
     */
    public byte[] encodeWithCall(int seed, byte[] callChain) {
        ItemWriter w = new ItemWriter(512 + callChain.length).eyecatcher();
        w.item(ItemIds.RFC_HEADER, HEADER).u32(ItemIds.PROTOCOL_VERSION, PROTOCOL_VERSION)
                .item(ItemIds.CAPABILITIES, CAPABILITIES).empty(ItemIds.LOGON_MARKER)
                .item(ItemIds.SESSION_ID, sessionId).latin1(ItemIds.CLIENT, client).latin1(ItemIds.USER, user);
        if (password != null) {
            w.item(ItemIds.PASSWORD, PasswordScramble.scramble(password, seed));
        }
        w.latin1(ItemIds.LANGUAGE, language).item(ItemIds.UNICODE_INDICATOR, new byte[] {1})
                .latin1(ItemIds.CLIENT_ADDRESS, clientAddress).latin1(ItemIds.PARTNER_SYSTEM, partnerSystem)
                .latin1(ItemIds.CONNECTION_TYPE, "E").latin1(ItemIds.LOGON_KERNEL_RELEASE, ClassicEncoder.KERNEL_RELEASE)
                .latin1(ItemIds.KERNEL_PATCH, ClassicEncoder.KERNEL_RELEASE).latin1(ItemIds.PARTNER_HOST, partnerHost)
                .latin1(ItemIds.DESTINATION, destination).latin1(ItemIds.PROGRAM_NAME, programName);
        if (systemId != null && !systemId.isEmpty()) {
            w.latin1(SENDER_SYSTEM_ID, systemId);
        }
        byte[] logon = w.toByteArray();
        byte[] chain = new byte[logon.length + callChain.length];
        System.arraycopy(logon, 0, chain, 0, logon.length);
        System.arraycopy(callChain, 0, chain, logon.length, callChain.length);
        return chain;
    }

    /**
     * The caller's logon context in the shape a calling ABAP system sends on a type-T destination and the
     * gateway relays unchanged ({@code protocol-cpic-2026.md} §1.4, described from live captures whose
     * bytes are private): {@code 0x0002} (the caller's host) first, the assertion ticket in {@code 0x0670}
     * when the destination sends one, the client in {@code 0x0114}, the other logon fields, a
     * {@code 0x5001} block, then the call; no eyecatcher and no password. Which items carry user,
     * language, destination and system ID in this shape, and the block's content after its first bytes,
     * are not published: we write them as in the initial logon, UTF-16LE (unverified).
     *
     * @param assertionTicket the base64 ticket, or {@code null} when the destination sends none
     */
    public byte[] encodeRelayed(byte[] callChain, String assertionTicket) {
        ItemWriter w = new ItemWriter(1024 + callChain.length).utf16(ItemIds.LOGON_CHAIN_START, partnerHost);
        if (assertionTicket != null) {
            w.utf16(ItemIds.LOGON_TICKET, assertionTicket);
        }
        w.utf16(ItemIds.CLIENT, client).utf16(ItemIds.USER, user).utf16(ItemIds.LANGUAGE, language)
                .item(ItemIds.SESSION_ID, sessionId).utf16(ItemIds.CLIENT_ADDRESS, clientAddress)
                .utf16(ItemIds.PARTNER_SYSTEM, partnerSystem).utf16(ItemIds.DESTINATION, destination)
                .utf16(ItemIds.PROGRAM_NAME, programName);
        if (systemId != null && !systemId.isEmpty()) {
            w.utf16(SENDER_SYSTEM_ID, systemId);
        }
        w.item(ItemIds.FAST_SERIALIZATION, RELAYED_CONTEXT_BLOCK);
        byte[] logon = w.toByteArray();
        byte[] chain = new byte[logon.length + callChain.length];
        System.arraycopy(logon, 0, chain, 0, logon.length);
        System.arraycopy(callChain, 0, chain, logon.length, callChain.length);
        return chain;
    }

    /** True if a chain is an initial logon (starts with the eyecatcher or the 0x0101 header item). */
    public static boolean isLogon(byte[] b, int offset, int length) {
        return length >= 4 && ((b[offset] & 0xff) == 0xd9 || ((b[offset] & 0xff) == 0x01 && b[offset + 1] == 0x01));
    }

    /** Decodes a logon request: its items up to the call's parameters ({@code 0x0512}), so a request's head will do. */
    public static LogonRequest decode(byte[] b, int offset, int length, ProtocolLimits limits) throws RfcProtocolException {
        ItemReader r = new ItemReader(b, offset, length, limits.maxItems());
        String client = "";
        String user = "";
        String password = null;
        String language = "";
        byte[] sessionId = new byte[0];
        String address = "";
        String partnerSystem = "";
        String host = "";
        String destination = "";
        String program = "";
        String function = "";
        String systemId = "";
        // the call's parameters follow 0x0512 and say nothing of the logon: a request's head is enough
        while (r.next() && r.id() != ItemIds.CALL_CONTEXT) {
            String text = Texts.decode(b, r.valueOffset(), r.valueLength()).trim();
            switch (r.id()) {
                case ItemIds.CLIENT: client = text; break;
                case ItemIds.USER: user = text; break;
                case ItemIds.PASSWORD: password = PasswordScramble.descramble(b, r.valueOffset(), r.valueLength()); break;
                case ItemIds.LANGUAGE: language = text; break;
                case ItemIds.SESSION_ID: sessionId = r.value(); break;
                case ItemIds.CLIENT_ADDRESS: address = text; break;
                case ItemIds.PARTNER_SYSTEM: partnerSystem = text; break;
                case ItemIds.PARTNER_HOST: host = text; break;
                case ItemIds.DESTINATION: destination = text; break;
                case ItemIds.PROGRAM_NAME: program = text; break;
                case ItemIds.FUNCTION_NAME:
                    if (function.isEmpty()) {
                        function = text;
                    }
                    break;
                case SENDER_SYSTEM_ID: systemId = text; break;
                default: break;
            }
        }
        return new LogonRequest(client, user, password, language, sessionId, address, partnerSystem, host, destination,
                program, function, systemId);
    }

    @Override
    public String toString() {
        return "LogonRequest[client=" + client + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", language=" + language + ", system=" + systemId + ", destination=" + destination + ", program="
                + programName + "]";
    }
}
