package org.rfcbridge.cpic.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.rfcbridge.api.ListenerStatistics;

/** Counters of one listener: calls, errors, bytes, busy connections now and at most. */
final class ListenerCounters {
    final AtomicLong calls = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong bytesIn = new AtomicLong();
    final AtomicLong bytesOut = new AtomicLong();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger peakBusy = new AtomicInteger();
    private volatile String lastError = "";

    void callStarted() {
        peakBusy.accumulateAndGet(busy.incrementAndGet(), Math::max);
    }

    void callFinished(long in, long out) {
        busy.decrementAndGet();
        calls.incrementAndGet();
        bytesIn.addAndGet(in);
        bytesOut.addAndGet(out);
    }

    /** A call that ended in an error returned to the caller. */
    void error(String text) {
        errors.incrementAndGet();
        lastError = text;
    }

    /** A connection that failed (gateway gone, refused, malformed frame); not a call error. */
    void connectionError(String text) {
        lastError = text;
    }

    String lastError() {
        return lastError;
    }

    ListenerStatistics snapshot() {
        return new ListenerStatistics(calls.get(), errors.get(), bytesIn.get(), bytesOut.get(), busy.get(), peakBusy.get());
    }
}
