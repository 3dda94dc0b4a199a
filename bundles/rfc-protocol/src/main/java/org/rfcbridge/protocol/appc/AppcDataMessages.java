package org.rfcbridge.protocol.appc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Application data as a client sends it ({@code protocol-cpic.md} §2.4.4, open-rfc {@code appc.ts}):
 * up to {@value AppcRecord#MAX_CHUNK} bytes as one compact F_SAP_SEND ({@code info 0x05}, {@code vector
 * 0x0c}, 8-byte tail); more as F_ASEND_DATA chunks of at most {@value AppcRecord#MAX_CHUNK} bytes
 * ({@code info 0}), every {@value #BARRIER_INTERVAL}th chunk a synchronous F_SEND_DATA barrier
 * ({@code info 1}) that the peer acknowledges, closed by an empty F_RECEIVE ({@code info 1}).
 */
public final class AppcDataMessages {
    /** Every how many chunks a synchronous F_SEND_DATA is sent. */
    public static final int BARRIER_INTERVAL = 21;

    private AppcDataMessages() {
    }

    /**
     * The records that carry {@code data}.
     *
     * @param template header fields to copy into every record (conversation id, protocol, uid, indices);
     *                 function, info, vector, parameter length and operation info are set here
     */
    public static List<AppcRecord> outgoing(AppcHeader template, byte[] data, int communicationIndex, int connectionIndex) {
        List<AppcRecord> records = new ArrayList<>();
        if (data.length <= AppcRecord.MAX_CHUNK) {
            AppcHeader header = template.copy().function(AppcFunction.F_SAP_SEND).info(0x05).vector(0x0c)
                    .sapParameterLength(8).operationInfo(new DataInfo(0, communicationIndex, connectionIndex).encode());
            records.add(new AppcRecord(header, new byte[0], new byte[0], data, AppcRecord.compactTail(data.length)));
            return records;
        }
        int chunkNumber = 0;
        for (int offset = 0; offset < data.length; offset += AppcRecord.MAX_CHUNK) {
            chunkNumber++;
            int end = Math.min(data.length, offset + AppcRecord.MAX_CHUNK);
            boolean barrier = chunkNumber % BARRIER_INTERVAL == 0;
            AppcHeader header = template.copy()
                    .function(barrier ? AppcFunction.F_SEND_DATA : AppcFunction.F_ASEND_DATA).info(barrier ? 1 : 0)
                    .vector(0).sapParameterLength(0)
                    .operationInfo(new DataInfo(end - offset, communicationIndex, connectionIndex).encode());
            records.add(AppcRecord.withData(header, Arrays.copyOfRange(data, offset, end)));
        }
        AppcHeader close = template.copy().function(AppcFunction.F_RECEIVE).info(1).vector(0).sapParameterLength(0)
                .operationInfo(new DataInfo(0, communicationIndex, connectionIndex).encode());
        records.add(AppcRecord.of(close));
        return records;
    }

    /** True for a barrier chunk the receiver must acknowledge. */
    public static boolean isBarrier(AppcRecord record) {
        return record.header().appcFunction() == AppcFunction.F_SEND_DATA && (record.header().info() & 1) != 0
                && record.data().length > 0;
    }

    /** The acknowledgement of a barrier: an empty 80-byte F_SEND_DATA with the barrier's identity. */
    public static AppcRecord acknowledgement(AppcRecord barrier) {
        AppcHeader header = barrier.header().copy().function(AppcFunction.F_SEND_DATA).info(0).vector(0)
                .sapParameterLength(0).operationInfo(new byte[32]);
        return AppcRecord.of(header);
    }
}
