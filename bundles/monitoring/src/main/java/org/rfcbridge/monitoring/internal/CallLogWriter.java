package org.rfcbridge.monitoring.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.rfcbridge.api.CallSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the call log on its own thread: a call only puts its summary into a bounded queue, so a slow or full
 * disk never delays a call. When the queue is full the line is dropped and counted ({@link #dropped()}), which
 * the metrics show. The logger's level in {@code etc/org.ops4j.pax.logging.cfg} (or {@code log:set}) turns the
 * log off; then nothing is queued.
 */
final class CallLogWriter implements AutoCloseable {
    /** The call log's logger. */
    static final String LOGGER = "org.rfcbridge.calls";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final CallSummary END = new CallSummary("", null, "", "", "", "", "", "", "", 0, 0, 0, 0, 0, "", "");

    private final BlockingQueue<CallSummary> queue;
    private final LongAdder dropped = new LongAdder();
    private final Thread writer;

    CallLogWriter(int capacity) {
        queue = new ArrayBlockingQueue<>(Math.max(1, capacity));
        writer = new Thread(this::writeLines, "rfcbridge-call-log");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues the call's line, or counts it as dropped if the queue is full. Never waits. */
    void offer(CallSummary call) {
        if (LOG.isInfoEnabled() && !queue.offer(call)) {
            dropped.increment();
        }
    }

    /** Lines dropped since the start because the queue was full. */
    long dropped() {
        return dropped.sum();
    }

    private void writeLines() {
        try {
            for (CallSummary call = queue.take(); call != END; call = queue.take()) {
                LOG.info(CallLogLine.of(call));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued (for a second at most) and ends the thread. */
    @Override
    public void close() {
        try {
            if (!queue.offer(END, 1, TimeUnit.SECONDS)) {
                writer.interrupt();
            }
            writer.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
