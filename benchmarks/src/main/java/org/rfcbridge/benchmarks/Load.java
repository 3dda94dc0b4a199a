package org.rfcbridge.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/** How the load runs drive calls: one caller timing each call, or several counting calls. */
public final class Load {
    private Load() {
    }

    /** Calls for {@code seconds} on this thread; the duration of each call in nanoseconds, sorted. */
    public static long[] timed(Runnable call, int seconds) {
        return timed(call, seconds, 0);
    }

    /**
     * As {@link #timed(Runnable, int)}, with the thread parked for {@code pauseNanos} before each call (not timed):
     * calls paced as the bridge's calls reach the cloud, each after the cloud's side has been idle a while.
     */
    public static long[] timed(Runnable call, int seconds, long pauseNanos) {
        Samples samples = new Samples();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (pauseNanos > 0) {
                LockSupport.parkNanos(pauseNanos);
            }
            long start = System.nanoTime();
            call.run();
            samples.add(System.nanoTime() - start);
        }
        return samples.sorted();
    }

    /** Calls from {@code threads} callers for {@code seconds}; how many calls were made. */
    public static long parallel(Runnable call, int threads, int seconds) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        try {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                counts.add(callers.submit(() -> {
                    long n = 0;
                    while (System.nanoTime() < end) {
                        call.run();
                        n++;
                    }
                    return n;
                }));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total;
        } finally {
            callers.shutdownNow();
        }
    }

    /** The quantile of sorted nanoseconds, in microseconds to one decimal. */
    public static double micros(long[] sorted, double quantile) {
        return Math.round(sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 100.0) / 10.0;
    }

    /** Durations recorded by one thread, for the parts of a call {@link #timed} cannot see. */
    public static final class Samples {
        private long[] nanos = new long[1 << 16];
        private int n;

        /** Adds one duration. */
        public void add(long duration) {
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = duration;
        }

        /** Forgets the durations so far. */
        public void clear() {
            n = 0;
        }

        /** The durations so far, sorted. */
        public long[] sorted() {
            long[] sorted = Arrays.copyOf(nanos, n);
            Arrays.sort(sorted);
            return sorted;
        }
    }
}
