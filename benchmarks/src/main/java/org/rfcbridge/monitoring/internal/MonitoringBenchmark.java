package org.rfcbridge.monitoring.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.codahale.metrics.MetricRegistry;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rfcbridge.api.CallSummary;

/**
 * What the monitoring costs: counting one call and adding its times to the histograms of its listener,
 * destination, rule and function (the histograms are fed on the call queue's thread); what the observer costs the
 * call's own thread (the counters and the queue); and a scrape of the metrics.
 * In this package to reach the package-private classes; not part of the monitoring bundle.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MonitoringBenchmark {
    private CallMetrics metrics;
    private MonitorComponent monitor;
    private final CallSummary call = new CallSummary("0123456789ab", Instant.now(), "CLOUD_SYSTEM_VIA_BC", "YI3000",
            "MYDESTINATION_000", "DEVELOPER", "STFC_CONNECTION", "tutorial", "Connection_to_Cloud", 912, 1254, 0,
            250_000, 110_000, CallSummary.OK, "", "");

    @Setup
    public void start() {
        metrics = new CallMetrics(new MetricRegistry(), 500);
        monitor = (MonitorComponent) BenchMonitor.start();
    }

    @Benchmark
    public CallMetrics countAndTimeInTheMetrics() {
        metrics.record(call);
        return metrics;
    }

    @Benchmark
    public MonitorComponent observeACall() {
        monitor.callEnded(call);
        return monitor;
    }

    @Benchmark
    public int scrape() throws IOException {
        StringBuilder text = new StringBuilder(32768);
        monitor.writePrometheus(text);
        return text.length();
    }
}
