package org.rfcbridge.protocol.appc;

import org.rfcbridge.protocol.Bytes;

/**
 * The records of a client conversation with a gateway ({@code protocol-cpic.md} §2.5), as the NW RFC
 * SDK client in the captures writes them and the gateway answers: F_INITIALIZE_CONVERSATION and its
 * reply assigning the conversation id, F_SET_PARTNER_LU_NAME (no reply), F_ALLOCATE and its reply,
 * the data records, and F_DEALLOCATE. The simulated calling system and gateway speak these.
 */
public final class ClientConversationRecords {
    /** Connection type of a call to a registered program ('R', pysap {@code cpic_ctypes}). */
    public static final int REGISTERED_PROGRAM = 'R';
    /** Connection type of a call to an application server ('I'), as in the captures. */
    public static final int R3_SYSTEM = 'I';

    private ClientConversationRecords() {
    }

    /** F_INITIALIZE_CONVERSATION with the 373 parameter bytes; the TP name is where the gateway finds the Program ID. */
    public static AppcRecord initialize(String destination, String lu, String tp, int connectionType,
                                        InitializeParameters parameters) {
        AppcHeader header = new AppcHeader(AppcFunction.F_INITIALIZE_CONVERSATION).protocol(2).info2(0x01).info3(0xc0)
                .info4(0x04).info(0x05).operationInfo(new ExtendedInfo(destination, lu, tp, connectionType, 1, 0, 0xffff)
                        .encode());
        return AppcRecord.withParameters(header, parameters.encode());
    }

    /** The gateway's reply: the request header with info4 6, the conversation id and the connection index. */
    public static AppcRecord initializeReply(AppcHeader request, String conversationId, int connectionIndex) {
        ExtendedInfo info = ExtendedInfo.decode(request.operationInfo());
        ExtendedInfo assigned = new ExtendedInfo(info.shortDestination(), info.lu(), info.tp(), info.connectionType(),
                info.clientInfo(), info.communicationIndex(), connectionIndex);
        return AppcRecord.of(request.copy().info4(0x06).conversationId(conversationId).operationInfo(assigned.encode()));
    }

    /** F_SET_PARTNER_LU_NAME with the partner's long LU name. */
    public static AppcRecord setPartnerLuName(String conversationId, String luName) {
        byte[] op = new PartnerLuInfo(luName.length() > 8 ? luName.substring(0, 8) : luName, luName.length(),
                new byte[16], 0, 0xffff).encode();
        AppcHeader header = new AppcHeader(AppcFunction.F_SET_PARTNER_LU_NAME).protocol(2).info2(0x01).info(0x04)
                .conversationId(conversationId).operationInfo(op);
        return AppcRecord.withParameters(header, new PartnerLuNameParameters(luName, new byte[16]).encode());
    }

    /** F_ALLOCATE. */
    public static AppcRecord allocate(String conversationId, String destination, String lu, String tp,
                                      int connectionType, int connectionIndex) {
        return AppcRecord.of(new AppcHeader(AppcFunction.F_ALLOCATE).protocol(2).info(0x01).conversationId(conversationId)
                .operationInfo(new ExtendedInfo(destination, lu, tp, connectionType, 1, 0, connectionIndex).encode()));
    }

    /** The gateway's reply to F_ALLOCATE: info3 1, info4 2, code page 4103 in the operation info. */
    public static AppcRecord allocateReply(AppcHeader request) {
        return AppcRecord.of(request.copy().info3(0x01).info4(0x02)
                .operationInfo(new IncomingDataInfo(IncomingDataInfo.CAPACITY, 0, "4103", 0,
                        Bytes.u16(request.operationInfo(), 30)).encode()));
    }

    /**
     * Reply data from the gateway to a client: records of at most {@value AppcRecord#MAX_CHUNK} bytes, the
     * first F_SAP_SEND, continuations F_RECEIVE, the last with the end-of-message vector (captured shapes,
     * {@code protocol-cpic-2026.md} §1.11).
     */
    public static java.util.List<AppcRecord> incomingData(String conversationId, byte[] data, int connectionIndex) {
        java.util.List<AppcRecord> records = new java.util.ArrayList<>();
        int offset = 0;
        int number = 0;
        do {
            int length = Math.min(AppcRecord.MAX_CHUNK, data.length - offset);
            boolean last = offset + length >= data.length;
            records.add(incomingRecord(conversationId, java.util.Arrays.copyOfRange(data, offset, offset + length), number,
                    last, connectionIndex));
            offset += length;
            number++;
        } while (offset < data.length);
        return records;
    }

    /**
     * Record {@code number} (from 0) of reply data from the gateway to a client, as {@link #incomingData}
     * cuts them, for a gateway that passes a reply on while it arrives.
     *
     * @param chunk at most {@value AppcRecord#MAX_CHUNK} bytes
     */
    public static AppcRecord incomingRecord(String conversationId, byte[] chunk, int number, boolean last,
                                            int connectionIndex) {
        AppcHeader header = new AppcHeader(number == 0 ? AppcFunction.F_SAP_SEND : AppcFunction.F_RECEIVE).protocol(2)
                .time(((long) number + 1) << 16).info3(1).timeout(last ? 500 : -1).info4(2).sequenceNumber(1)
                .sapParameterLength(8).info(last ? 0x05 : 0x01).vector(last ? 0x0c : 0x08)
                .conversationId(conversationId)
                .operationInfo(new IncomingDataInfo(IncomingDataInfo.CAPACITY, chunk.length, "4103", 0, connectionIndex)
                        .encode());
        return AppcRecord.withData(header, chunk);
    }

    /** F_DEALLOCATE ending a conversation. */
    public static AppcRecord deallocate(String conversationId) {
        return AppcRecord.of(new AppcHeader(AppcFunction.F_DEALLOCATE).protocol(2).info(0x01).conversationId(conversationId)
                .operationInfo(new ExtendedInfo("", "", "", 0, 1, 0xffff, 0).encode()));
    }
}
