package org.rfcbridge.protocol.wsrfc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.rfcbridge.api.LogonFailureException;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.classic.ErrorEnvelope;
import org.rfcbridge.protocol.classic.Texts;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.item.ItemReader;
import org.rfcbridge.protocol.item.ItemWriter;

/**
 * The answer to a WebSocket RFC LOGON ({@code protocol-wsrfc-2026.md} §2.6-2.7): a system identity
 * and the complete result of the embedded call, UTF-16LE. A reply without a system ID
 * ({@code 0x0450}) is a failed logon; a reply with one whose embedded call reports an error
 * authenticated but failed (the documented 00/X/341 case) and is no session either.
 *
 * @param systemId      {@code 0x0450}
 * @param systemNumber  {@code 0x0452}
 * @param host          {@code 0x0453}, the application server
 * @param kernelRelease {@code 0x0013}
 * @param sapRelease    {@code 0x0012}
 */
public record WsRfcLogonReply(String systemId, String systemNumber, String host, String kernelRelease,
                              String sapRelease) {
    /** {@code 0x0101} a server's reply starts with (classic logon replies; the wRFC sidecar leaves it unannotated). */
    static final byte[] HEADER = {1, 1, 1, 5, 4, 1, 0, 3};

    /**
     * Decodes a reply.
     *
     * @param destination names the destination in error texts
     * @throws LogonFailureException  when the server did not authenticate (its text, e.g. "Name or password is incorrect")
     * @throws SystemFailureException when it authenticated but the embedded call failed
     */
    public static WsRfcLogonReply decode(byte[] b, ProtocolLimits limits, String destination)
            throws RfcException, RfcProtocolException {
        ItemReader r = new ItemReader(b, 0, b.length, limits.maxItems());
        String systemId = "";
        String number = "";
        String host = "";
        String kernel = "";
        String release = "";
        while (r.next()) {
            String text = Texts.decode(b, r.valueOffset(), r.valueLength()).trim();
            switch (r.id()) {
                case ItemIds.SYSTEM_ID: systemId = text; break;
                case ItemIds.SYSTEM_NUMBER: number = text; break;
                case ItemIds.APPLICATION_HOST: host = text; break;
                case ItemIds.KERNEL_PATCH: kernel = text; break;
                case ItemIds.LOGON_KERNEL_RELEASE: release = text; break;
                default: break;
            }
        }
        RfcException error = ErrorEnvelope.errorIn(b, 0, b.length, limits, destination);
        if (systemId.isEmpty()) {
            throw new LogonFailureException(destination + " refused the logon: "
                    + (error != null ? error.getMessage() : "the reply carries no system ID"));
        }
        if (error != null) {
            throw new SystemFailureException(destination + " (system " + systemId + ") authenticated the logon but the "
                    + "function call embedded in it failed: " + error.getMessage(), error);
        }
        return new WsRfcLogonReply(systemId, number, host, kernel, release);
    }

    /** An accepted reply with the embedded call's success, in the captured order (for the simulated cloud system). */
    public byte[] encodeAccepted(String user, String client, String language, String program, double durationMicros) {
        return new ItemWriter(640).item(ItemIds.RFC_HEADER, HEADER).utf16(ItemIds.SYSTEM_CODE_PAGE, "1100")
                .utf16(ItemIds.SYSTEM_ID, systemId).utf16(ItemIds.SYSTEM_NUMBER, systemNumber)
                .utf16(ItemIds.APPLICATION_HOST, host).utf16(ItemIds.KERNEL_PATCH, String.format("%-4s", kernelRelease))
                .utf16(ItemIds.LOGON_KERNEL_RELEASE, String.format("%-4s", sapRelease))
                .utf16(ItemIds.LOGON_USER, String.format("%-12s", user)).utf16(ItemIds.LOGON_CLIENT, client)
                .utf16(ItemIds.LOGON_LANGUAGE, language).empty(ItemIds.RESPONSE_START).empty(ItemIds.RESPONSE_CONTEXT)
                .u32(ItemIds.RETURN_CODE, 0).empty(ItemIds.CALL_CONTEXT)
                .utf16(ItemIds.PROGRAM_NAME, String.format("%-40s", program))
                .item(ItemIds.SERVER_DURATION, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(durationMicros)
                        .array())
                .end().toByteArray();
    }
}
