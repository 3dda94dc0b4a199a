package org.rfcbridge.protocol.trace;

import java.util.concurrent.atomic.AtomicInteger;

import org.rfcbridge.api.trace.TraceDirectory;

/**
 * Whether the next call of a listener or destination is traced: always (setting {@code trace = true}) or for
 * the next N calls (console {@code rfc:trace NAME --calls N}); with its limits, and the directory.
 */
public final class TraceSwitch {
    private final TraceDirectory directory;
    private final String kind;
    private final String name;
    private final boolean always;
    private final int maxFiles;
    private final long maxBytes;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param kind     {@link TraceDirectory#CPIC} or {@link TraceDirectory#WSRFC}
     * @param name     the listener's Program ID or the destination's name
     * @param always   every call (setting {@code trace})
     * @param maxFiles files kept at most in the directory (setting {@code trace.max.files})
     * @param maxBytes bytes per file at most (setting {@code trace.max.mb})
     */
    public TraceSwitch(TraceDirectory directory, String kind, String name, boolean always, int maxFiles,
                       long maxBytes) {
        this.directory = directory;
        this.kind = kind;
        this.name = name;
        this.always = always;
        this.maxFiles = maxFiles;
        this.maxBytes = maxBytes;
    }

    /** Traces the next {@code calls} calls (replacing a count not used up). */
    public void traceNext(int calls) {
        next.set(Math.max(0, calls));
    }

    /** The trace for a call that starts now: a file if this call is traced, else {@link WireTrace#OFF}. */
    public WireTrace startCall() {
        if (always || next.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            return TraceFile.open(directory, kind, name, maxFiles, maxBytes);
        }
        return WireTrace.OFF;
    }
}
