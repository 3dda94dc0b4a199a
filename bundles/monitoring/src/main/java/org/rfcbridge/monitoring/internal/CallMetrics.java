package org.rfcbridge.monitoring.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import com.codahale.metrics.Counter;
import com.codahale.metrics.LockFreeExponentiallyDecayingReservoir;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;

import org.rfcbridge.api.CallSummary;

/**
 * The counters and latency histograms of the calls, per listener, destination, routing rule and function, in a
 * Dropwizard {@link MetricRegistry}. Counting takes no lock ({@link java.util.concurrent.atomic.LongAdder}
 * counters) and is done on the call's thread, so the counters are exact at once; the latency histograms
 * (Dropwizard's lock-free exponentially decaying reservoir: about the last five minutes weigh most) are fed from
 * the call queue's thread, as their updates cost more. A scrape never makes a call wait.
 */
final class CallMetrics {
    /** The dimensions a call is counted in. */
    enum Dimension {
        LISTENER("listener"), DESTINATION("destination"), RULE("rule"), FUNCTION("function");

        final String label;

        Dimension(String label) {
            this.label = label;
        }

        /** The call's name in this dimension: its Program ID, destination, rule or function. */
        String nameIn(CallSummary call) {
            return switch (this) {
                case LISTENER -> call.listener();
                case DESTINATION -> call.destination();
                case RULE -> call.rule();
                case FUNCTION -> call.function();
            };
        }
    }

    /** The dimensions, once: {@code values()} would make an array per call. */
    private static final Dimension[] DIMENSIONS = Dimension.values();

    /** The name under which calls of names beyond the limit are counted. */
    static final String OTHER = "(other)";
    static final String CALL_SECONDS = "call.seconds";
    static final String CLOUD_SECONDS = "cloud.seconds";
    /** The sum of a timer's values, for the Prometheus summary's {@code _sum}. */
    static final String SUM_NANOS = ".sum.nanos";

    private final MetricRegistry registry;
    private volatile int maxNames;
    private final Map<Dimension, ConcurrentMap<String, Meters>> meters = new EnumMap<>(Dimension.class);

    CallMetrics(MetricRegistry registry, int maxNames) {
        this.registry = registry;
        this.maxNames = Math.max(1, maxNames);
        for (Dimension d : Dimension.values()) {
            meters.put(d, new ConcurrentHashMap<>());
        }
    }

    /** A new limit of names per dimension; names counted already keep their meters. */
    void limitNames(int max) {
        maxNames = Math.max(1, max);
    }

    /** Counts the call (on the call's thread: counters only, a few atomic additions). */
    void count(CallSummary call) {
        for (Dimension d : DIMENSIONS) {
            meters(d, d.nameIn(call)).count(call);
        }
    }

    /** Adds the calls' times to the latency histograms (on the call queue's thread: the reservoirs cost more). */
    void time(List<CallSummary> calls) {
        for (CallSummary call : calls) {
            for (Dimension d : DIMENSIONS) {
                meters(d, d.nameIn(call)).time(call);
            }
        }
    }

    /** Both, for tests. */
    void record(CallSummary call) {
        count(call);
        time(List.of(call));
    }


    /** The meters of one name; beyond the limit of names, those of {@link #OTHER}. */
    Meters meters(Dimension dimension, String name) {
        ConcurrentMap<String, Meters> byName = meters.get(dimension);
        Meters known = byName.get(name);
        if (known != null) {
            return known;
        }
        String counted = byName.size() >= maxNames ? OTHER : name;
        return byName.computeIfAbsent(counted, n -> new Meters(registry, dimension.label, n));
    }

    /** The names of a dimension seen so far. */
    Map<String, Meters> of(Dimension dimension) {
        return meters.get(dimension);
    }

    /** The metrics of one listener, destination, rule or function. */
    static final class Meters {
        private final MetricRegistry registry;
        private final String dimension;
        private final String name;
        final Counter calls;
        final Counter bytesIn;
        final Counter bytesOut;
        final Counter rows;
        final Timer call;
        final Timer cloud;
        private final Counter callSum;
        private final Counter cloudSum;
        private final ConcurrentMap<String, Counter> errors = new ConcurrentHashMap<>();

        private Meters(MetricRegistry registry, String dimension, String name) {
            this.registry = registry;
            this.dimension = dimension;
            this.name = name;
            calls = registry.counter(MetricName.of(dimension, name, "calls"));
            bytesIn = registry.counter(MetricName.of(dimension, name, "bytes.in"));
            bytesOut = registry.counter(MetricName.of(dimension, name, "bytes.out"));
            rows = registry.counter(MetricName.of(dimension, name, "rows"));
            call = timer(CALL_SECONDS);
            cloud = timer(CLOUD_SECONDS);
            callSum = registry.counter(MetricName.of(dimension, name, CALL_SECONDS + SUM_NANOS));
            cloudSum = registry.counter(MetricName.of(dimension, name, CLOUD_SECONDS + SUM_NANOS));
        }

        private Timer timer(String metric) {
            return registry.timer(MetricName.of(dimension, name, metric),
                    () -> new Timer(LockFreeExponentiallyDecayingReservoir.builder().build()));
        }

        private void count(CallSummary summary) {
            calls.inc();
            bytesIn.inc(summary.bytesIn());
            bytesOut.inc(summary.bytesOut());
            rows.inc(summary.rows());
            if (!summary.ok()) {
                errors.computeIfAbsent(summary.result(), kind -> registry.counter(MetricName.of(dimension, name,
                        "errors", kind))).inc();
            }
        }

        private void time(CallSummary summary) {
            call.update(summary.totalNanos(), TimeUnit.NANOSECONDS);
            callSum.inc(summary.totalNanos());
            if (summary.cloudNanos() > 0) {
                cloud.update(summary.cloudNanos(), TimeUnit.NANOSECONDS);
                cloudSum.inc(summary.cloudNanos());
            }
        }

        /** Calls that ended in an error, of every kind. */
        long errors() {
            return errors.values().stream().mapToLong(Counter::getCount).sum();
        }
    }
}
