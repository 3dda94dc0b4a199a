package org.rfcbridge.monitoring.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.rfcbridge.api.CallSummary;

/** The last N calls in a ring, written without a lock by the calls' threads and read by the web console. */
final class RecentCalls {
    private final AtomicReferenceArray<CallSummary> ring;
    private final AtomicLong next = new AtomicLong();

    RecentCalls(int size) {
        ring = new AtomicReferenceArray<>(Math.max(1, size));
    }

    void add(CallSummary call) {
        ring.set((int) (next.getAndIncrement() % ring.length()), call);
    }

    /** Newest first. */
    List<CallSummary> newestFirst() {
        long last = next.get();
        List<CallSummary> calls = new ArrayList<>();
        for (long i = last - 1; i >= 0 && i >= last - ring.length(); i--) {
            CallSummary call = ring.get((int) (i % ring.length()));
            if (call != null) {
                calls.add(call);
            }
        }
        return calls;
    }
}
