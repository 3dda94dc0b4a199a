package org.rfcbridge.monitoring.internal;

import java.util.Locale;

/**
 * The parts of a metric's name in the registry: a dimension ({@code listener}, {@code destination},
 * {@code rule}, {@code function}, or {@code bridge} for the whole bridge), the name within it (a Program ID,
 * a function module, ...), the metric, and optionally an error kind. Held in the registry as one string with a
 * separator no SAP or configuration name contains, so that JMX and the Prometheus text can take it apart.
 */
record MetricName(String dimension, String name, String metric, String kind) {
    /** The dimension of metrics of the bridge as a whole. */
    static final String BRIDGE = "bridge";
    private static final char SEPARATOR = '\u001f';

    static String of(String dimension, String name, String metric) {
        return dimension + SEPARATOR + name + SEPARATOR + metric;
    }

    static String of(String dimension, String name, String metric, String kind) {
        return of(dimension, name, metric) + SEPARATOR + kind;
    }

    static MetricName parse(String registered) {
        String[] parts = registered.split(String.valueOf(SEPARATOR), -1);
        if (parts.length < 3) {
            return new MetricName(BRIDGE, "", registered, "");
        }
        return new MetricName(parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : "");
    }

    /** The Prometheus family: {@code rfcbridge_function_calls}, {@code rfcbridge_call_log_dropped}. */
    String family() {
        String metricPart = metric.replace('.', '_');
        return BRIDGE.equals(dimension) ? "rfcbridge_" + metricPart : "rfcbridge_" + dimension + "_" + metricPart;
    }

    /** The JMX type: {@code Function}, {@code Listener}, ... */
    String jmxType() {
        return dimension.substring(0, 1).toUpperCase(Locale.ROOT) + dimension.substring(1);
    }
}
