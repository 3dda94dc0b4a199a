package org.rfcbridge.cpic.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.rfcbridge.api.CallRouter;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.simulators.onprem.SimulatedAbapSystem;
import org.rfcbridge.simulators.onprem.SimulatedGateway;
import org.rfcbridge.simulators.samples.SampleFunctions;
import org.rfcbridge.simulators.samples.SampleDestination;

/**
 * Small calls (STFC_CONNECTION) per second through the listener's registered connections: the
 * simulated on-prem system calls through the simulated gateway, the listener decodes, routes to a
 * destination that answers in-process, and replies. Every call is a new conversation of the
 * simulated caller (connect, set-up, call, deallocate), as the caller in the simulator works.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.rfcbridge.cpic.internal.ListenerLoadRun [connections] [seconds]}.
 * In this package only to reach the listener's package-private runtime; not part of the bundle.
 */
public final class ListenerLoadRun {
    private ListenerLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        SampleDestination local = new SampleDestination("Local", "LOC");
        CallRouter router = call -> local;
        try (SimulatedGateway gateway = SimulatedGateway.start(SimulatedGateway.Settings.defaults(0), e -> { })) {
            ListenerCounters counters = new ListenerCounters();
            ListenerRuntime listener = new ListenerRuntime("load", "LOAD_PROGRAM", connections,
                    () -> new GatewayAddress("127.0.0.1", gateway.port()),
                    new BridgeCallHandler("LOAD_PROGRAM", () -> router, () -> local, "Local", false, counters,
                            ProtocolLimits.DEFAULT, TableCompression.NONE, call -> { }), counters,
                    new ListenerRuntime.Settings(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5),
                            ProtocolLimits.DEFAULT));
            listener.start();
            while (gateway.registrations().size() < connections) {
                Thread.sleep(10);
            }
            SimulatedAbapSystem onPrem = new SimulatedAbapSystem(new SimulatedAbapSystem.Identity("YI3", "000", "LOAD",
                    "E"), Duration.ofSeconds(10), ProtocolLimits.DEFAULT);
            onPrem.addDestination(new SimulatedAbapSystem.TypeTDestination("LOAD", "127.0.0.1", gateway.port(),
                    "LOAD_PROGRAM"));
            run(onPrem, connections, 2);                         // warm-up
            List<long[]> latencies = run(onPrem, connections, seconds);
            long total = latencies.stream().mapToLong(l -> l.length).sum();
            long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            System.out.printf("connections=%d callers=%d seconds=%d calls=%d calls_per_s=%.0f p50_us=%.0f p99_us=%.0f%n",
                    connections, connections, seconds, total, total / (double) seconds, all[all.length / 2] / 1e3,
                    all[(int) (all.length * 0.99)] / 1e3);
            listener.stop();
        }
    }

    private static List<long[]> run(SimulatedAbapSystem onPrem, int callers, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            futures.add(pool.submit(() -> {
                long[] times = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end && n < times.length) {
                    Function call = SampleFunctions.STFC_CONNECTION.newFunction();
                    call.imports().setValue("REQUTEXT", "load");
                    long start = System.nanoTime();
                    onPrem.call("LOAD", call);
                    times[n++] = System.nanoTime() - start;
                }
                return Arrays.copyOf(times, n);
            }));
        }
        List<long[]> result = new ArrayList<>();
        for (Future<long[]> future : futures) {
            result.add(future.get());
        }
        pool.shutdown();
        return result;
    }
}
