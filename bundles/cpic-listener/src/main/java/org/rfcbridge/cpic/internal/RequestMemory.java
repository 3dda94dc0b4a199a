package org.rfcbridge.cpic.internal;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The heap that large relayed requests may hold at once, one budget for every listener of the bridge (setting
 * {@code max.large.requests.mb} of {@code org.rfcbridge.memory}). A request reserves its whole bound here when it
 * grows past {@link RequestAdmission#SMALL_REQUEST_BYTES} and waits, its gateway left unread, while other calls
 * hold the budget: ten large calls at once take turns instead of exhausting the heap. A call reserves once and
 * never waits while it holds a reservation, so the waiting cannot deadlock.
 */
final class RequestMemory {
    /** The bridge's budget, shared by every listener of this bundle and set by {@link RequestMemoryComponent}. */
    static final RequestMemory BRIDGE = new RequestMemory(defaultLimit(), RequestMemoryComponent.DEFAULT_WAIT);

    /** The lock is fair so that the calls that waited longest get the budget first. */
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition released = lock.newCondition();
    private long limit;
    private Duration wait;
    private long reserved;

    RequestMemory(long limit, Duration wait) {
        this.limit = limit;
        this.wait = wait;
    }

    /** Half the heap: a relayed request takes up to about three times its size while it is passed on. */
    static long defaultLimit() {
        return Runtime.getRuntime().maxMemory() / 2;
    }

    /** Changes the budget and the wait; reservations made stay until released. */
    void settings(long limitBytes, Duration maxWait) {
        lock.lock();
        try {
            limit = limitBytes;
            wait = maxWait;
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long limit() {
        return locked(() -> limit);
    }

    /** How long a call waits for the budget before it is refused. */
    Duration maxWait() {
        return locked(() -> wait);
    }

    /** Bytes reserved by the calls in flight. */
    long reserved() {
        return locked(() -> reserved);
    }

    private <T> T locked(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reserves {@code bytes}, waiting at most {@link #maxWait()} while other calls hold the budget.
     *
     * @return true if reserved; false if the budget did not free up in time
     */
    boolean reserve(long bytes) throws InterruptedException {
        lock.lock();
        try {
            long left = wait.toNanos();
            while (reserved + bytes > limit) {
                if (left <= 0) {
                    return false;
                }
                left = released.awaitNanos(left);
            }
            reserved += bytes;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Gives back what {@link #reserve} took. */
    void release(long bytes) {
        lock.lock();
        try {
            reserved -= bytes;
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Bytes as the settings count them, in MB (MiB), with a decimal where they are not whole. */
    static String megabytes(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB"
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) (1 << 20));
    }
}
