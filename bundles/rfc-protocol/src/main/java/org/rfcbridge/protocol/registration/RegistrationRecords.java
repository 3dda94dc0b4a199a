package org.rfcbridge.protocol.registration;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.rfcbridge.protocol.Bytes;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.appc.AppcFunction;
import org.rfcbridge.protocol.appc.AppcHeader;
import org.rfcbridge.protocol.appc.AppcRecord;
import org.rfcbridge.protocol.classic.Texts;
import org.rfcbridge.protocol.gateway.AcceptInfo;
import org.rfcbridge.protocol.gateway.GatewayRecord;
import org.rfcbridge.protocol.gateway.GatewayRequestType;

/**
 * Leg 1, registered server and gateway ({@code protocol-cpic-2026.md} §2, R1-R10). All of it is what
 * saprfclib's registered server sends (its ground truth pcaps are not published) and what open-rfc-go
 * saw of SAP's {@code rfcexec}: function bytes and sizes. Where the public sources disagree or are
 * silent, the choice is marked here:
 * <ul>
 * <li>the Program ID is written into the register record's service field (first 9 characters) and its
 * TP field (first 8), as the Wireshark layout has it, and in full in the 512-byte block, which is
 * where the gateway reads it (inference, 2026 §3.1);</li>
 * <li>the gateway's reply to the register record mirrors the GW_NORMAL_CLIENT echo (inference, R2);</li>
 * <li>the 125-byte call-arrives record (0xcf) is built like the published leg-2 accept with function
 * 0xcf (inference, R5);</li>
 * <li>a reply larger than {@value AppcRecord#MAX_CHUNK} bytes travels as several 0x08 records; the
 * conversation's F_DEALLOCATE (0x0b) ends it (our choice: no source shows large leg-1 replies).</li>
 * </ul>
 */
public final class RegistrationRecords {
    /** Length of the host/Program ID block. */
    public static final int HOST_BLOCK_LENGTH = 512;
    /** Where the Program ID starts in the block. */
    static final int PROGRAM_ID_OFFSET = 128;
    /** Longest host name the block holds. */
    public static final int MAX_HOST = 127;
    /** Longest Program ID SAP accepts (and the block holds). */
    public static final int MAX_PROGRAM_ID = 63;
    /** Protocol byte of every registered-server and type-T record. */
    public static final int PROTOCOL_REGISTERED = 7;
    /** The server's local handle in the ready/re-arm records ("\0H000001", saprfclib). */
    static final String LOCAL_HANDLE = "\0H000001";
    /** Length of the gateway's call-arrives record. */
    public static final int CALL_ARRIVES_LENGTH = 125;

    private RegistrationRecords() {
    }

    /** R1: the 64-byte GW_REGISTER_TP record. */
    public static GatewayRecord register(byte[] ipv4, String host, String programId) {
        String service = programId.length() > 9 ? programId.substring(0, 9) + "\0" : programId + "\0";
        return new GatewayRecord(2, GatewayRequestType.GW_REGISTER_TP.code(), ipv4, new byte[4], Texts.padded(service, 10),
                "1100", new byte[5], 0x06, host, programId.length() > 8 ? programId.substring(0, 8) : programId,
                "        ", 6, AcceptInfo.EINFO.bit() | AcceptInfo.PING.bit() | AcceptInfo.CONN_EINFO.bit()
                | AcceptInfo.EXTINITOPT.bit() | AcceptInfo.GW_ACCEPT_DIST_TRACE.bit(), -1, null, 0, 0, 0);
    }

    /** R3: the 512-byte block with host name and Program ID, blank-filled. */
    public static byte[] hostBlock(String host, String programId) {
        byte[] block = new byte[HOST_BLOCK_LENGTH];
        Arrays.fill(block, (byte) ' ');
        byte[] h = host.getBytes(StandardCharsets.US_ASCII);
        byte[] p = programId.getBytes(StandardCharsets.US_ASCII);
        int hl = Math.min(MAX_HOST, h.length);
        int pl = Math.min(MAX_PROGRAM_ID, p.length);
        System.arraycopy(h, 0, block, 0, hl);
        block[hl] = 0;
        System.arraycopy(p, 0, block, PROGRAM_ID_OFFSET, pl);
        block[PROGRAM_ID_OFFSET + pl] = 0;
        return block;
    }

    /** Host name and Program ID from an R3 block. */
    public record HostAndProgram(String host, String programId) {
    }

    /** Reads an R3 block. */
    public static HostAndProgram readHostBlock(byte[] block) throws RfcProtocolException {
        if (block.length != HOST_BLOCK_LENGTH) {
            throw new RfcProtocolException("the host/Program ID block must be " + HOST_BLOCK_LENGTH + " bytes, not "
                    + block.length, 0);
        }
        return new HostAndProgram(terminated(block, 0, MAX_HOST + 1), terminated(block, PROGRAM_ID_OFFSET, MAX_PROGRAM_ID + 1));
    }

    /** R4: the server is ready to accept a call (0xd1). */
    public static AppcRecord ready() {
        return armed(AppcFunction.F_SAP_ACCPTP);
    }

    /** R10: the server is ready again after a call (0xd0). */
    public static AppcRecord rearm() {
        return armed(AppcFunction.F_SAP_UNREGTP);
    }

    private static AppcRecord armed(AppcFunction function) {
        byte[] op = new byte[32];
        Bytes.putI32(op, 0, 0x50);
        Bytes.putU16(op, 28, 0xffff);
        Bytes.putU16(op, 30, 0xffff);
        return AppcRecord.of(new AppcHeader(function).protocol(PROTOCOL_REGISTERED).sapReturnCode(1)
                .conversationId(LOCAL_HANDLE).operationInfo(op));
    }

    /** R5: the gateway tells a ready server that a call arrives, with the conversation's id (0xcf, 125 bytes). */
    public static AppcRecord callArrives(String conversationId) {
        AppcHeader header = new AppcHeader(AppcFunction.F_SAP_REGTP).protocol(PROTOCOL_REGISTERED).info3(0x80)
                .info4(2).padding(0x0200).info(1).conversationId(conversationId);
        byte[] op = new byte[32];
        Bytes.putU16(op, 28, 6);
        Bytes.putU16(op, 30, 1);
        header.operationInfo(op);
        byte[] trailer = new byte[CALL_ARRIVES_LENGTH - AppcHeader.LENGTH];
        return AppcRecord.withData(header, trailer);
    }

    /**
     * R6: the relayed logon and call, the caller's chain unchanged: the first piece as 0x03, further
     * pieces as F_RECEIVE (0x09, the continuation kernel 793 uses, 2026 §1.11); {@code last} marks the
     * final piece with the end-of-message vector.
     */
    public static AppcRecord relayedCall(String conversationId, byte[] chain, int offset, int length, boolean first,
                                         boolean last) {
        AppcHeader header = new AppcHeader(first ? AppcFunction.F_ACCEPT_CONVERSATION : AppcFunction.F_RECEIVE)
                .protocol(PROTOCOL_REGISTERED).info3(1).info4(2).info(1).vector(last ? 0x0c : 0x08)
                .conversationId(conversationId);
        byte[] op = new byte[32];
        Bytes.putI32(op, 0, length);
        header.operationInfo(op);
        return AppcRecord.withData(header, Arrays.copyOfRange(chain, offset, offset + length));
    }

    /** R7: the server's reply data for the conversation (0x08). */
    public static AppcRecord reply(String conversationId, byte[] data, int offset, int length, boolean last) {
        byte[] op = new byte[32];
        Bytes.putI32(op, 0, length);
        Bytes.putU16(op, 28, 0xffff);
        Bytes.putU16(op, 30, 1);
        return AppcRecord.withData(new AppcHeader(AppcFunction.F_ASEND_DATA).protocol(PROTOCOL_REGISTERED)
                .vector(last ? 0x0c : 0x08).conversationId(conversationId).operationInfo(op),
                Arrays.copyOfRange(data, offset, offset + length));
    }

    /** R8: the server ends the conversation (0x0b). */
    public static AppcRecord deallocate(String conversationId) {
        return postCall(AppcFunction.F_DEALLOCATE, conversationId, 0);
    }

    /** R9: F_SAP_UNACCPTP after a call (0xd2). */
    public static AppcRecord unaccept(String conversationId) {
        return postCall(AppcFunction.F_SAP_UNACCPTP, conversationId, 0x50);
    }

    private static AppcRecord postCall(AppcFunction function, String conversationId, int word) {
        byte[] op = new byte[32];
        Bytes.putI32(op, 0, word);
        Bytes.putU16(op, 28, 0xffff);
        Bytes.putU16(op, 30, 1);
        return AppcRecord.of(new AppcHeader(function).protocol(PROTOCOL_REGISTERED).sapReturnCode(function
                == AppcFunction.F_SAP_UNACCPTP ? 1 : 0).conversationId(conversationId).operationInfo(op));
    }

    private static String terminated(byte[] b, int offset, int max) {
        int end = offset;
        while (end < offset + max && end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, offset, end - offset, StandardCharsets.US_ASCII).trim();
    }
}
