package org.rfcbridge.simulators.onprem;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.rfcbridge.protocol.Bytes;
import org.rfcbridge.protocol.ProtocolLimits;

/**
 * The reply of one relayed call, gathered by the registration's reader until the program deallocates
 * (or passed on, see {@link ReplyRelay}), so the waiting caller wakes once per call, not once per record.
 */
final class PendingReply {
    private final ProtocolLimits limits;
    /** The records' data as received, joined once at the end: a reply of hundreds of MB is not copied as it grows. */
    final List<byte[]> parts = new ArrayList<>();
    long size;
    final BlockingQueue<Boolean> outcome = new ArrayBlockingQueue<>(1);
    boolean tooLarge;
    /** Passes the records on instead of gathering them, or {@code null}. */
    final ReplyRelay passOn;

    PendingReply(ReplyRelay passOn, ProtocolLimits limits) {
        this.limits = limits;
        this.passOn = passOn;
    }

    void add(byte[] record) {
        if (passOn != null) {
            passOn.add(record);
            return;
        }
        if (tooLarge || size + record.length > limits.maxMessageBytes()) {
            tooLarge = true;                     // bounded: the rest is not kept
            parts.clear();
        } else {
            parts.add(record);
            size += record.length;
        }
    }

    byte[] data() {
        return Bytes.join(parts, size);
    }

    /** Complete (deallocated by the program) or not (its connection closed). */
    void end(boolean complete) {
        outcome.offer(complete);
    }
}
