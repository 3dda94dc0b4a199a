package org.rfcbridge.cpic.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.rfcbridge.api.CallObserver;
import org.rfcbridge.api.CallSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The observers of the listeners' calls (call log, metrics), as the services come and go. A failing observer
 * is logged (rate-limited) and never fails the call: the caller has its reply already.
 */
final class CallObservers implements CallObserver {
    private static final Logger LOG = LoggerFactory.getLogger(CallObservers.class);

    private final List<CallObserver> observers = new CopyOnWriteArrayList<>();
    private final LogRateLimit failures = new LogRateLimit(5, Duration.ofMinutes(1));

    void add(CallObserver observer) {
        observers.add(observer);
    }

    void remove(CallObserver observer) {
        observers.remove(observer);
    }

    @Override
    public void callEnded(CallSummary call) {
        for (CallObserver observer : observers) {
            try {
                observer.callEnded(call);
            } catch (RuntimeException e) {
                long leftOut = failures.permit();
                if (leftOut >= 0) {
                    LOG.warn("Call {} was served, but {} failed to record it{}", call.id(), observer,
                            LogRateLimit.leftOut(leftOut), e);
                }
            }
        }
    }
}
