package org.rfcbridge.monitoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.codahale.metrics.MetricRegistry;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.CallSummary;

/**
 * The metrics of the calls as Prometheus reads them: counters per listener, destination, rule and function,
 * errors by kind, latency summaries in seconds; names beyond the limit counted together; label values escaped.
 */
class CallMetricsTest {
    private final MetricRegistry registry = new MetricRegistry();

    static CallSummary call(String function, String result, long totalNanos, long cloudNanos) {
        return new CallSummary("0123456789ab", Instant.parse("2026-12-06T10:42:00Z"), "CLOUD_SYSTEM_VIA_BC", "YI3000",
                "MYDESTINATION_000", "DEVELOPER", function, "tutorial", "Connection_to_Cloud", 900, 1200, 7, totalNanos,
                cloudNanos, result, result.equals(CallSummary.OK) ? "" : "No routing rule matches", "");
    }

    private String text() throws IOException {
        StringBuilder out = new StringBuilder();
        PrometheusText.write(registry, out);
        return out.toString();
    }

    private static double sample(String text, String name) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        assertTrue(m.find(), name + " in\n" + text);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void callsErrorsBytesRowsAndLatencyPerDimension() throws IOException {
        CallMetrics metrics = new CallMetrics(registry, 100);
        metrics.record(call("STFC_CONNECTION", CallSummary.OK, 2_000_000, 1_500_000));
        metrics.record(call("STFC_CONNECTION", CallSummary.OK, 4_000_000, 3_000_000));
        metrics.record(call("STFC_CONNECTION", "SYSTEM_FAILURE", 1_000_000, 0));
        String text = text();
        assertEquals(3, sample(text, "rfcbridge_function_calls_total{function=\"STFC_CONNECTION\"}"));
        assertEquals(3, sample(text, "rfcbridge_listener_calls_total{listener=\"CLOUD_SYSTEM_VIA_BC\"}"));
        assertEquals(3, sample(text, "rfcbridge_rule_calls_total{rule=\"tutorial\"}"));
        assertEquals(3, sample(text, "rfcbridge_destination_calls_total{destination=\"Connection_to_Cloud\"}"));
        assertEquals(1, sample(text, "rfcbridge_function_errors_total{function=\"STFC_CONNECTION\",kind=\"SYSTEM_FAILURE\"}"));
        assertEquals(2700, sample(text, "rfcbridge_function_bytes_in_total{function=\"STFC_CONNECTION\"}"));
        assertEquals(3600, sample(text, "rfcbridge_function_bytes_out_total{function=\"STFC_CONNECTION\"}"));
        assertEquals(21, sample(text, "rfcbridge_function_rows_total{function=\"STFC_CONNECTION\"}"));
        assertEquals(3, sample(text, "rfcbridge_function_call_seconds_count{function=\"STFC_CONNECTION\"}"));
        assertEquals(0.007, sample(text, "rfcbridge_function_call_seconds_sum{function=\"STFC_CONNECTION\"}"), 1e-12);
        assertEquals(0.004, sample(text, "rfcbridge_function_call_seconds{function=\"STFC_CONNECTION\",quantile=\"0.99\"}"),
                1e-12);
        assertEquals(2, sample(text, "rfcbridge_function_cloud_seconds_count{function=\"STFC_CONNECTION\"}"),
                "a call that never reached the cloud has no cloud time");
        assertTrue(text.contains("# TYPE rfcbridge_function_calls_total counter\n"), text);
        assertTrue(text.contains("# TYPE rfcbridge_function_call_seconds summary\n"), text);
    }

    @Test
    void eachFamilyIsWrittenOnceWithItsLinesTogether() throws IOException {
        CallMetrics metrics = new CallMetrics(registry, 100);
        metrics.record(call("B_FUNCTION", CallSummary.OK, 1000, 500));
        metrics.record(call("A_FUNCTION", CallSummary.OK, 1000, 500));
        List<String> lines = text().lines().toList();
        String family = "rfcbridge_function_calls_total";
        int type = lines.indexOf("# TYPE " + family + " counter");
        assertEquals(type, lines.lastIndexOf("# TYPE " + family + " counter"));
        assertTrue(lines.get(type + 1).startsWith(family + "{function=\"A_FUNCTION\"}"), lines.toString());
        assertTrue(lines.get(type + 2).startsWith(family + "{function=\"B_FUNCTION\"}"), lines.toString());
    }

    @Test
    void madeUpFunctionNamesBeyondTheLimitAreCountedTogether() throws IOException {
        CallMetrics metrics = new CallMetrics(registry, 3);
        for (int i = 0; i < 50; i++) {
            metrics.record(call("Z_MADE_UP_" + i, "SYSTEM_FAILURE", 1000, 0));
        }
        assertEquals(4, metrics.of(CallMetrics.Dimension.FUNCTION).size(), "3 names and (other)");
        assertEquals(47, sample(text(), "rfcbridge_function_calls_total{function=\"(other)\"}"));
    }

    @Test
    void labelValuesAreEscaped() {
        assertEquals("a\\\\b\\\"c\\nd", PrometheusText.escape("a\\b\"c\nd"));
    }
}
