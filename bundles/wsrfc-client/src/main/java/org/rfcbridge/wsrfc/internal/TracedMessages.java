package org.rfcbridge.wsrfc.internal;

import java.io.ByteArrayOutputStream;

import org.rfcbridge.protocol.trace.WireTrace;

/**
 * Joins the frames of a received WebSocket message for the call's trace, which keeps one record per message.
 * Holds at most what the trace has room for: a message larger than that is left out of the trace, so tracing
 * never holds more than a trace file's size limit.
 */
final class TracedMessages {
    private volatile WireTrace trace = WireTrace.OFF;
    private final ByteArrayOutputStream message = new ByteArrayOutputStream();
    private boolean tooLarge;

    void traceInto(WireTrace calls) {
        trace = calls;
    }

    WireTrace trace() {
        return trace;
    }

    /** One frame of a message; Jetty delivers a session's frames one after the other. */
    void frame(byte[] frame, boolean last) {
        WireTrace current = trace;
        if (current == WireTrace.OFF) {
            message.reset();
            tooLarge = false;
            return;
        }
        if (!tooLarge && message.size() + frame.length <= current.room()) {
            message.writeBytes(frame);
        } else {
            tooLarge = true;
            message.reset();
        }
        if (last) {
            if (!tooLarge) {
                current.record(message.toByteArray());
            }
            message.reset();
            tooLarge = false;
        }
    }
}
