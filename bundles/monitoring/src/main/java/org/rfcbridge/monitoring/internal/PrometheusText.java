package org.rfcbridge.monitoring.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;

/**
 * The registry in the Prometheus text exposition format 0.0.4 (prometheus.io, "Exposition formats"): counters
 * as {@code _total}, gauges, and timers as summaries in seconds with the quantiles 0.5, 0.95 and 0.99. Each
 * family's lines together, under one {@code # HELP} and {@code # TYPE}. Reading the registry takes no lock that
 * a call waits for.
 */
final class PrometheusText {
    private static final double[] QUANTILES = {0.5, 0.95, 0.99};
    private static final double NANOS_PER_SECOND = 1e9;
    private static final Map<String, String> HELP = Map.ofEntries(
            Map.entry("calls", "Calls served"),
            Map.entry("errors", "Calls that ended in an error, by the kind the ABAP caller got"),
            Map.entry("bytes.in", "Bytes of calls received"),
            Map.entry("bytes.out", "Bytes of replies sent"),
            Map.entry("rows", "Table rows of calls, in and out"),
            Map.entry(CallMetrics.CALL_SECONDS, "Time of the whole call in the bridge (recent calls)"),
            Map.entry(CallMetrics.CLOUD_SECONDS, "Time waiting for the destination (recent calls)"),
            Map.entry("connections", "Registered connections configured"),
            Map.entry("registered.connections", "Connections registered at the gateway now"),
            Map.entry("busy.connections", "Connections serving a call now"),
            Map.entry("peak.busy.connections", "Most connections serving calls at once"),
            Map.entry("open.sessions", "WebSocket RFC sessions open now"),
            Map.entry("pool.size", "WebSocket RFC sessions at most"),
            Map.entry("busy.sessions", "WebSocket RFC sessions serving a call now"),
            Map.entry("peak.busy.sessions", "Most WebSocket RFC sessions serving calls at once"),
            Map.entry("call.log.dropped", "Call-log lines dropped because the queue to the disk was full"));

    private PrometheusText() {
    }

    static void write(MetricRegistry registry, Appendable out) throws IOException {
        SortedMap<String, Family> families = new TreeMap<>();
        // read once, sorted, so that a name's lines come in the same order at every scrape
        SortedMap<String, Metric> metrics = new TreeMap<>(registry.getMetrics());
        for (Map.Entry<String, Metric> entry : metrics.entrySet()) {
            MetricName name = MetricName.parse(entry.getKey());
            if (name.metric().endsWith(CallMetrics.SUM_NANOS)) {
                continue;   // written as the _sum of its summary
            }
            Metric metric = entry.getValue();
            String labels = labels(name);
            if (metric instanceof Counter counter) {
                families.computeIfAbsent(name.family() + "_total", f -> new Family(name.metric(), "counter"))
                        .add(name.family() + "_total" + labels + " " + counter.getCount());
            } else if (metric instanceof Gauge<?> gauge && gauge.getValue() instanceof Number value) {
                families.computeIfAbsent(name.family(), f -> new Family(name.metric(), "gauge"))
                        .add(name.family() + labels + " " + value);
            } else if (metric instanceof Timer timer) {
                Family family = families.computeIfAbsent(name.family(), f -> new Family(name.metric(), "summary"));
                Snapshot snapshot = timer.getSnapshot();
                for (double q : QUANTILES) {
                    family.add(name.family() + labels(name, "quantile", Double.toString(q)) + " "
                            + snapshot.getValue(q) / NANOS_PER_SECOND);
                }
                Metric sum = metrics.get(MetricName.of(name.dimension(), name.name(), name.metric()
                        + CallMetrics.SUM_NANOS));
                family.add(name.family() + "_sum" + labels + " " + (sum instanceof Counter counter ? counter.getCount() : 0)
                        / NANOS_PER_SECOND);
                family.add(name.family() + "_count" + labels + " " + timer.getCount());
            }
        }
        for (Map.Entry<String, Family> family : families.entrySet()) {
            // a counter's samples and its HELP and TYPE lines share the name with _total (text format 0.0.4)
            out.append("# HELP ").append(family.getKey()).append(' ')
                    .append(HELP.getOrDefault(family.getValue().metric, family.getValue().metric)).append('\n');
            out.append("# TYPE ").append(family.getKey()).append(' ').append(family.getValue().type).append('\n');
            for (String line : family.getValue().lines) {
                out.append(line).append('\n');
            }
        }
    }

    private static String labels(MetricName name) {
        return labels(name, null, null);
    }

    private static String labels(MetricName name, String extraLabel, String extraValue) {
        List<String> labels = new ArrayList<>();
        if (!MetricName.BRIDGE.equals(name.dimension())) {
            labels.add(name.dimension() + "=\"" + escape(name.name()) + "\"");
        }
        if (!name.kind().isEmpty()) {
            labels.add("kind=\"" + escape(name.kind()) + "\"");
        }
        if (extraLabel != null) {
            labels.add(extraLabel + "=\"" + extraValue + "\"");
        }
        return labels.isEmpty() ? "" : "{" + String.join(",", labels) + "}";
    }

    /** A label value as the format wants it: backslash, double quote and line feed escaped. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static final class Family {
        final String metric;
        final String type;
        final List<String> lines = new ArrayList<>();

        Family(String metric, String type) {
            this.metric = metric;
            this.type = type;
        }

        void add(String line) {
            lines.add(line);
        }
    }
}
