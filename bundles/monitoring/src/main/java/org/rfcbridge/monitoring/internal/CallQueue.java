package org.rfcbridge.monitoring.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.rfcbridge.api.CallSummary;

/**
 * The calls whose slower bookkeeping (the call log's line, the latency histograms, the recent calls) is done on a
 * thread of its own, so that a call's thread only adds its summary: no lock, no system call, never a wait for the
 * disk. The queue is bounded; a call that finds it full is dropped from that bookkeeping and counted
 * ({@link #dropped()}, which the metrics show), never delayed. The thread takes what is queued every
 * {@link #PERIOD} (a call never wakes it: that would cost the call's thread a system call).
 */
final class CallQueue implements AutoCloseable {
    /** How often the queue is emptied: a call reaches the call log at most this late. */
    static final Duration PERIOD = Duration.ofMillis(100);
    /** Calls handed over at once at most. */
    static final int BATCH = 1024;

    private final Queue<CallSummary> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;
    private final Consumer<List<CallSummary>> bookkeeping;
    private final LongAdder dropped = new LongAdder();
    private final Thread thread;
    private volatile boolean closing;

    /**
     * @param capacity    calls waiting at most (setting {@code call.log.queue})
     * @param bookkeeping what is done with each batch of calls, on the queue's thread
     */
    CallQueue(int capacity, Consumer<List<CallSummary>> bookkeeping) {
        this.capacity = Math.max(1, capacity);
        this.bookkeeping = bookkeeping;
        thread = new Thread(this::drain, "rfcbridge-call-log");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the call, or counts it as dropped if the queue is full. Never waits. */
    void offer(CallSummary call) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            dropped.increment();
            return;
        }
        queue.offer(call);
    }

    /** Calls dropped since the start because the queue was full. */
    long dropped() {
        return dropped.sum();
    }

    private void drain() {
        List<CallSummary> batch = new ArrayList<>(BATCH);
        while (true) {
            batch.clear();
            for (CallSummary call = queue.poll(); call != null; call = batch.size() < BATCH ? queue.poll() : null) {
                batch.add(call);
            }
            size.addAndGet(-batch.size());
            if (!batch.isEmpty()) {
                bookkeeping.accept(batch);
            } else if (closing) {
                return;
            } else {
                LockSupport.parkNanos(PERIOD.toNanos());
            }
        }
    }

    /** Does what is queued (for two seconds at most) and ends the thread. */
    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(thread);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
