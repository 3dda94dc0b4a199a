package org.rfcbridge.api;

import java.io.IOException;
import java.util.List;

/**
 * What an operations team watches, for the console and the web console: the recent calls, latency per
 * function, the health checks and the metrics as Prometheus text.
 */
public interface BridgeMonitor {
    /**
     * Latency and counters of one function since the bridge started.
     *
     * @param function the function module
     * @param calls    calls served
     * @param errors   calls that ended in an error
     * @param p50Millis median of the whole call in the bridge, in milliseconds (of recent calls)
     * @param p95Millis 95th percentile
     * @param p99Millis 99th percentile
     */
    record FunctionLatency(String function, long calls, long errors, double p50Millis, double p95Millis,
                           double p99Millis) {
    }

    /**
     * The result of one health check.
     *
     * @param name    the check, e.g. {@code RFC Bridge listeners}
     * @param status  {@code OK}, {@code WARN}, {@code CRITICAL}, {@code TEMPORARILY_UNAVAILABLE} or {@code HEALTH_CHECK_ERROR}
     * @param message what it found, one line per finding
     */
    record Health(String name, String status, String message) {
        /** True for OK and WARN: the node takes calls (the health URL answers 200). */
        public boolean serving() {
            return "OK".equals(status) || "WARN".equals(status);
        }
    }

    /** The most recent calls, newest first. */
    List<CallSummary> recentCalls();

    /** Each function called since the start, by name. */
    List<FunctionLatency> functionLatencies();

    /** Runs the bridge's health checks (tag {@code rfcbridge}) and returns their results. */
    List<Health> health();

    /** Writes every metric in the Prometheus text exposition format 0.0.4. */
    void writePrometheus(Appendable out) throws IOException;
}
