package org.rfcbridge.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The observers of a listener's calls (call log, metrics) as their services come and go. A failing observer is
 * logged, at most once a minute with the count of the failures in between, and never fails the call: the caller
 * has its reply already.
 */
public final class CallObservers implements CallObserver {
    private static final Logger LOG = LoggerFactory.getLogger(CallObservers.class);
    private static final long LOG_INTERVAL_NANOS = 60_000_000_000L;

    private final List<CallObserver> observers = new CopyOnWriteArrayList<>();
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);
    private final AtomicLong leftOut = new AtomicLong();

    public void add(CallObserver observer) {
        observers.add(observer);
    }

    public void remove(CallObserver observer) {
        observers.remove(observer);
    }

    @Override
    public void callEnded(CallSummary call) {
        for (CallObserver observer : observers) {
            try {
                observer.callEnded(call);
            } catch (RuntimeException e) {
                long last = lastLogged.get();
                long now = System.nanoTime();
                if (now - last >= LOG_INTERVAL_NANOS && lastLogged.compareAndSet(last, now)) {
                    LOG.warn("Call {} was served, but {} failed to record it ({} similar failures left out)", call.id(),
                            observer, leftOut.getAndSet(0), e);
                } else {
                    leftOut.incrementAndGet();
                }
            }
        }
    }
}
