package org.rfcbridge.cpic.internal;

/**
 * At most {@code perWindow} log lines of one kind per window, so a flood (a probing caller, a gateway that
 * drops every connection) cannot fill the log; the next line that is written says how many were left out.
 */
final class LogRateLimit {
    private final int perWindow;
    private final long windowNanos;
    private long windowStart;
    private int written;
    private long suppressed;

    LogRateLimit(int perWindow, java.time.Duration window) {
        this.perWindow = perWindow;
        this.windowNanos = window.toNanos();
        this.windowStart = System.nanoTime() - windowNanos;
    }

    /**
     * Whether a line may be written now: -1 if not (it is counted as left out), else how many were left out
     * before it, for the line to say.
     */
    synchronized long permit() {
        long now = System.nanoTime();
        if (now - windowStart >= windowNanos) {
            windowStart = now;
            written = 0;
        }
        if (written >= perWindow) {
            suppressed++;
            return -1;
        }
        written++;
        long before = suppressed;
        suppressed = 0;
        return before;
    }

    /** " (N similar lines left out)" for a line that follows left-out ones, else "". */
    static String leftOut(long count) {
        return count > 0 ? " (" + count + " similar lines left out)" : "";
    }
}
