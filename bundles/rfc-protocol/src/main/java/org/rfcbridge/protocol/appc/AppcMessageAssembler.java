package org.rfcbridge.protocol.appc;

import java.util.ArrayList;
import java.util.List;

import org.rfcbridge.protocol.Bytes;
import org.rfcbridge.protocol.RfcProtocolException;

/**
 * Joins the data records of one message ({@code protocol-cpic.md} §2.4.4): incoming data ends with a
 * record whose vector has {@code F_V_SEND_DATA} (continued by F_RECEIVE records until then); a
 * client's streamed message ends with an empty F_RECEIVE after its chunks. Conversation id, sequence
 * number and communication/connection indices may not change between fragments, and the joined
 * message may not exceed the configured size. The fragments are kept as they arrive and joined once,
 * so a message of hundreds of megabytes is not copied as it grows, and nothing stays allocated after it.
 */
public final class AppcMessageAssembler {
    private final long maxMessageBytes;
    private final List<byte[]> parts = new ArrayList<>();
    private long size;
    private AppcHeader first;
    private int fragments;
    /** Set by {@link #discard()}: the rest of the message is counted, not kept. */
    private boolean skipping;

    /** An assembler that refuses messages longer than {@code maxMessageBytes}. */
    public AppcMessageAssembler(long maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Adds a record.
     *
     * @return true if the message is complete; {@link #message()} then returns it and the assembler is reset
     */
    public boolean add(AppcRecord record) throws RfcProtocolException {
        follows(record);
        if (!skipping) {
            if (size + record.data().length > maxMessageBytes) {
                throw new RfcProtocolException("message exceeds the limit of " + maxMessageBytes + " bytes after "
                        + fragments + " fragments", size);
            }
            parts.add(record.data());
        }
        size += record.data().length;
        return ends(record);
    }

    /**
     * Keeps nothing more of this message: the fragments kept are let go and the ones still to come are counted
     * and checked, not kept and not limited, until {@link #add} says the message is complete; {@link #message()}
     * is then empty. For a message that is refused but must be read to its end (its reader bounds the time).
     *
     * @return the first fragment's data, which is kept (empty if none came yet)
     */
    public byte[] discard() {
        byte[] beginning = parts.isEmpty() ? new byte[0] : parts.get(0);
        parts.clear();
        skipping = true;
        return beginning;
    }

    private void follows(AppcRecord record) throws RfcProtocolException {
        AppcHeader header = record.header();
        if (first == null) {
            first = header;
            return;
        }
        check("conversation id", first.conversationId(), header.conversationId());
        check("sequence number", first.sequenceNumber(), header.sequenceNumber());
        byte[] a = first.operationInfo();
        byte[] b = header.operationInfo();
        check("communication index", Bytes.u16(a, 28), Bytes.u16(b, 28));
        check("connection index", Bytes.u16(a, 30), Bytes.u16(b, 30));
    }

    private boolean ends(AppcRecord record) {
        fragments++;
        AppcHeader header = record.header();
        boolean clientStreamEnd = header.appcFunction() == AppcFunction.F_RECEIVE && record.data().length == 0
                && fragments > 1;
        return header.endOfMessage() || clientStreamEnd;
    }

    /** The joined message; resets the assembler for the next one. */
    public byte[] message() {
        byte[] result = skipping ? new byte[0] : Bytes.join(parts, size);
        parts.clear();
        skipping = false;
        size = 0;
        first = null;
        fragments = 0;
        return result;
    }

    /** The fragments kept so far, joined (a single fragment as it is); they stay kept. */
    public byte[] copy() {
        return Bytes.join(new ArrayList<>(parts), size);
    }

    /** Bytes collected so far. */
    public long pendingBytes() {
        return size;
    }

    private void check(String what, Object expected, Object actual) throws RfcProtocolException {
        if (!expected.equals(actual)) {
            throw new RfcProtocolException("fragment " + (fragments + 1) + " changes the " + what + " from " + expected
                    + " to " + actual, size);
        }
    }
}
