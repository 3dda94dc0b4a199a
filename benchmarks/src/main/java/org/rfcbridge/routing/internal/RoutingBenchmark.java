package org.rfcbridge.routing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

/**
 * Routing with 1,000 compiled rules (exact senders, wildcard functions, the matching rule last):
 * a repeated call (one memo lookup) and calls that are all new (a scan of the table each).
 * In this package to reach the package-private table; it is not part of the routing bundle.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class RoutingBenchmark {
    /** Number of rules. */
    public static final int RULES = 1_000;

    private RoutingTable table;
    private String[] functions;
    private int next;

    @Setup
    public void build() throws Exception {
        List<RoutingRule> rules = new ArrayList<>();
        for (int i = 0; i < RULES - 1; i++) {
            rules.add(RoutingRule.compile("r" + i, "pid", new RoutingRule.Spec(String.format("S%02d000", i % 97),
                    "DEST_" + i, "Z_FUNC_" + i + "_*", "RFC", "Cloud", true, i, null)));
        }
        rules.add(RoutingRule.compile("last", "pid", new RoutingRule.Spec("YI3000", "MYDESTINATION_000", "*", "RFC",
                "Connection_to_Cloud", true, RULES, null)));
        table = new RoutingTable(rules);
        functions = new String[100_000];
        for (int i = 0; i < functions.length; i++) {
            functions[i] = "Z_CALL_" + i;
        }
    }

    /** The same sender, receiver and function as the call before: the usual case. */
    @Benchmark
    public RoutingRule repeatedCall() {
        return table.match("YI3000", "MYDESTINATION_000", "STFC_CONNECTION");
    }

    /** A function not seen before every time: a scan of all 1,000 rules (the memo starts over every 10,000). */
    @Benchmark
    public RoutingRule newCallEveryTime() {
        String function = functions[next++ % functions.length];
        return table.match("YI3000", "MYDESTINATION_000", function);
    }
}
