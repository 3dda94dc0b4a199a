package org.rfcbridge.protocol.ni;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.rfcbridge.protocol.RfcProtocolException;

/**
 * SAP NI framing: each record is a 4-byte big-endian length followed by exactly that many bytes; a
 * zero-length record is legal. The keep-alive records are the 8-byte payloads {@code NI_PING\0} and
 * {@code NI_PONG\0}: every role answers every ping, in any state, and never answers a pong
 * ({@code protocol-cpic.md} §2.2).
 */
public final class NiFrames {
    /** {@code NI_PING\0}. */
    private static final byte[] PING = "NI_PING\0".getBytes(StandardCharsets.US_ASCII);
    /** {@code NI_PONG\0}. */
    private static final byte[] PONG = "NI_PONG\0".getBytes(StandardCharsets.US_ASCII);

    private NiFrames() {
    }

    /** The NI_PING payload (a copy). */
    public static byte[] ping() {
        return PING.clone();
    }

    /** The NI_PONG payload (a copy). */
    public static byte[] pong() {
        return PONG.clone();
    }

    /** True for an NI_PING payload. */
    public static boolean isPing(byte[] payload) {
        return Arrays.equals(payload, PING);
    }

    /** True for an NI_PONG payload. */
    public static boolean isPong(byte[] payload) {
        return Arrays.equals(payload, PONG);
    }

    /** The record for a payload: length prefix and payload. */
    public static byte[] encode(byte[] payload) {
        byte[] record = new byte[4 + payload.length];
        writeLength(record, payload.length);
        System.arraycopy(payload, 0, record, 4, payload.length);
        return record;
    }

    /** Writes a record without copying the payload. */
    public static void write(OutputStream out, byte[] payload, int offset, int length) throws IOException {
        byte[] prefix = new byte[4];
        writeLength(prefix, length);
        out.write(prefix);
        out.write(payload, offset, length);
    }

    /**
     * Reads one record's payload from a stream that may deliver it in any pieces.
     *
     * @param maxRecordBytes largest payload accepted; checked before anything is allocated
     * @return the payload, or {@code null} if the stream ended cleanly before a new record
     * @throws RfcProtocolException if the length exceeds the limit or the stream ends inside a record
     */
    public static byte[] read(InputStream in, int maxRecordBytes) throws IOException {
        byte[] prefix = new byte[4];
        int got = in.readNBytes(prefix, 0, 4);
        if (got == 0) {
            return null;
        }
        if (got < 4) {
            throw new RfcProtocolException("the stream ended inside an NI length prefix (" + got + " of 4 bytes)", got);
        }
        long length = ((prefix[0] & 0xffL) << 24) | ((prefix[1] & 0xff) << 16) | ((prefix[2] & 0xff) << 8) | (prefix[3] & 0xff);
        if (length > maxRecordBytes) {
            throw new RfcProtocolException("NI record of " + length + " bytes exceeds the limit of " + maxRecordBytes
                    + " bytes", 0);
        }
        byte[] payload = new byte[(int) length];
        int read = in.readNBytes(payload, 0, payload.length);
        if (read < payload.length) {
            throw new RfcProtocolException("the stream ended inside an NI record: " + read + " of " + length
                    + " bytes", 4 + read);
        }
        return payload;
    }

    /**
     * Splits a buffer of whole records (a trace file) into payloads.
     *
     * @throws RfcProtocolException naming the offset of a truncated or oversized record
     */
    public static java.util.List<Record> split(byte[] records, int maxRecordBytes) throws RfcProtocolException {
        java.util.List<Record> result = new java.util.ArrayList<>();
        int position = 0;
        while (position < records.length) {
            if (records.length - position < 4) {
                throw new RfcProtocolException("trailing " + (records.length - position)
                        + " bytes are too short for an NI length prefix", position);
            }
            long length = ((records[position] & 0xffL) << 24) | ((records[position + 1] & 0xff) << 16)
                    | ((records[position + 2] & 0xff) << 8) | (records[position + 3] & 0xff);
            if (length > maxRecordBytes) {
                throw new RfcProtocolException("NI record of " + length + " bytes exceeds the limit of "
                        + maxRecordBytes + " bytes", position);
            }
            if (length > records.length - position - 4) {
                throw new RfcProtocolException("NI record announces " + length + " bytes but only "
                        + (records.length - position - 4) + " follow", position);
            }
            result.add(new Record(position, Arrays.copyOfRange(records, position + 4, position + 4 + (int) length)));
            position += 4 + (int) length;
        }
        return result;
    }

    /**
     * One record of a trace.
     *
     * @param offset  where its length prefix starts in the trace
     * @param payload its payload
     */
    public record Record(int offset, byte[] payload) {
    }

    private static void writeLength(byte[] target, int length) {
        target[0] = (byte) (length >>> 24);
        target[1] = (byte) (length >>> 16);
        target[2] = (byte) (length >>> 8);
        target[3] = (byte) length;
    }
}
