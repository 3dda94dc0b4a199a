package org.rfcbridge.webconsole.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rfcbridge.api.BridgeMonitor;
import org.rfcbridge.api.CallSummary;

/**
 * The operations part of the RFC Bridge page: the health summary at the top, the recent calls (filter by
 * function, sender and result; each with its call id, as in the call log and the ABAP caller's error text),
 * latency per function and the last errors. The page's script ({@code res/ui/rfcbridge.js}) reads {@link #json}
 * every two seconds and redraws these tables (their markup: {@code res/rfcbridge.html} and
 * {@code res/rfcbridge-operations.html}) without a reload.
 */
final class OperationsSection {
    /** Errors shown in "Last errors". */
    static final int LAST_ERRORS = 20;

    private OperationsSection() {
    }

    /** What the script draws: health, recent calls, latency per function, last errors. */
    static Map<String, Object> json(BridgeMonitor monitor) {
        List<Map<String, Object>> health = new ArrayList<>();
        for (BridgeMonitor.Health check : monitor.health()) {
            health.add(row("name", check.name(), "status", check.status(), "message", check.message()));
        }
        List<Map<String, Object>> calls = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        for (CallSummary call : monitor.recentCalls()) {
            Map<String, Object> row = row("time", call.end().toString(), "id", call.id(), "sender", call.sender(),
                    "receiver", call.receiver(), "user", call.user(), "function", call.function(), "rule", call.rule(),
                    "destination", call.destination(), "ms", Math.round(call.totalNanos() / 1e4) / 100.0, "result",
                    call.result(), "text", call.errorText());
            calls.add(row);
            if (!call.ok() && errors.size() < LAST_ERRORS) {
                errors.add(row);
            }
        }
        List<Map<String, Object>> latency = new ArrayList<>();
        for (BridgeMonitor.FunctionLatency l : monitor.functionLatencies()) {
            latency.add(row("function", l.function(), "calls", l.calls(), "errors", l.errors(), "p50",
                    round(l.p50Millis()), "p95", round(l.p95Millis()), "p99", round(l.p99Millis())));
        }
        return row("health", health, "calls", calls, "latency", latency, "errors", errors);
    }

    private static double round(double millis) {
        return Math.round(millis * 100) / 100.0;
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
