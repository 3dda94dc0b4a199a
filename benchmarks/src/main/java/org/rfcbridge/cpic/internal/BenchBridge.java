package org.rfcbridge.cpic.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.rfcbridge.api.CallObserver;
import org.rfcbridge.api.ArrivingRequest;
import org.rfcbridge.api.CallRouter;
import org.rfcbridge.api.FunctionRepository;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.benchmarks.BenchCalls;
import org.rfcbridge.benchmarks.Load;
import org.rfcbridge.monitoring.internal.BenchMonitor;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.StreamedResponse;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.api.json.JsonText;
import org.rfcbridge.wsrfc.internal.BenchDestinations;

/**
 * The bridge for the end-to-end benchmark, in a JVM of its own so that its heap is its own: the
 * listener's registered connections at a gateway, routing to one WebSocket RFC destination, composed
 * as the bundles compose them but without Karaf. It measures its own processing time per call, the
 * time a call spends in the bridge outside the destination (decode, route, encode; the request
 * complete until it is sent on, and the response complete until it is sent back).
 *
 * <p>Arguments: gateway port, cloud port, CA file, connections. On standard input: {@code stats}
 * prints one JSON line; {@code reset} clears the figures and the heap peaks; {@code direct SECONDS
 * CALLERS [PAUSE_US]} calls the cloud directly from this JVM, with a WebSocket RFC destination of its own, and
 * prints the latency (one caller, each call after a pause if given) or the count of calls (several) as one
 * JSON line; {@code calllog on|off}
 * switches the assembly's monitoring (call log, metrics) on (the default) or leaves it out; {@code quit} ends.
 * In this package only to reach the listener's package-private runtime; not part of the bundle.
 */
public final class BenchBridge {
    private static final int MAX_SAMPLES = 1 << 20;
    /** The destination of the bridge's calls. */
    private static final String CLOUD = "Bench_Cloud";
    /** The listener's name, which its threads carry. */
    private static final String LISTENER = "bench";

    private final long[] processing = new long[MAX_SAMPLES];
    /** Time in the destination per call (the WebSocket leg as the bridge sees it), to split the latency. */
    private final long[] inDestinationNanos = new long[MAX_SAMPLES];
    private final AtomicLong samples = new AtomicLong();
    /** The monitoring of the assembly (call log, metrics), on by default as there; {@code calllog off} leaves it out. */
    private final CallObserver monitoring = BenchMonitor.start();
    private volatile CallObserver observer = monitoring;

    private BenchBridge() {
    }

    public static void main(String[] args) throws Exception {
        int gatewayPort = Integer.parseInt(args[0]);
        int cloudPort = Integer.parseInt(args[1]);
        String caPem = Files.readString(Path.of(args[2]));
        int connections = Integer.parseInt(args[3]);
        new BenchBridge().run(gatewayPort, cloudPort, caPem, connections);
    }

    /**
     * When the call that the listener's thread is handling went to the destination and when its outcome came back
     * (on the thread that received it), so that the handler's own time leaves the destination's out.
     */
    private static final class DestinationTimes {
        volatile long sent;
        volatile long back;
    }

    private static final ThreadLocal<DestinationTimes> DESTINATION_TIMES = new ThreadLocal<>();

    private void run(int gatewayPort, int cloudPort, String caPem, int connections) throws Exception {
        RfcDestination cloud = BenchDestinations.start(CLOUD, cloudPort, caPem, connections, Duration.ofMinutes(5));
        RfcDestination direct = BenchDestinations.start("Direct", cloudPort, caPem, connections, Duration.ofMinutes(5));
        RfcDestination timed = new RfcDestination() {
            @Override
            public String name() {
                return cloud.name();
            }

            @Override
            public void execute(Function function) throws RfcException {
                cloud.execute(function);
            }

            @Override
            public void execute(Function function, Answered then) {
                DestinationTimes times = DESTINATION_TIMES.get();
                times.sent = System.nanoTime();
                cloud.execute(function, failure -> {
                    times.back = System.nanoTime();
                    then.answered(failure);
                });
            }

            @Override
            public boolean streamsRequests() {
                return cloud.streamsRequests();
            }

            /** A large request passes through as it arrives (not timed: the small calls' figures are the timed ones). */
            @Override
            public void execute(Function function, ArrivingRequest rest) throws RfcException {
                cloud.execute(function, rest);
            }

            @Override
            public Duration ping() throws RfcException {
                return cloud.ping();
            }

            @Override
            public FunctionRepository repository() {
                return cloud.repository();
            }
        };
        CallRouter router = call -> timed;
        ListenerCounters counters = new ListenerCounters();
        BridgeCallHandler bridge = new BridgeCallHandler("BENCH_PROGRAM", () -> router, cloud::repository, CLOUD,
                false, counters, ProtocolLimits.DEFAULT, TableCompression.NONE, call -> observer.callEnded(call));
        CallHandler measured = new CallHandler() {
            @Override
            public byte[] handle(byte[] chain, StreamedResponse.Parts parts) throws IOException {
                return bridge.handle(chain, parts);
            }

            /** The bridge's own time: until the call goes to the destination, and from its outcome to the answer. */
            @Override
            public void handle(byte[] chain, StreamedResponse.Parts parts, Answer answer) throws IOException {
                DestinationTimes times = new DestinationTimes();
                DESTINATION_TIMES.set(times);
                long start = System.nanoTime();
                bridge.handle(chain, parts, new Answer() {
                    @Override
                    public void send(byte[] rest) throws IOException {
                        long now = System.nanoTime();
                        long inDestination = times.sent == 0 ? 0 : times.back - times.sent;
                        long index = samples.getAndIncrement();
                        if (index < MAX_SAMPLES) {
                            processing[(int) index] = now - start - inDestination;
                            inDestinationNanos[(int) index] = inDestination;
                        }
                        answer.send(rest);
                    }

                    @Override
                    public void abort(IOException why) {
                        answer.abort(why);
                    }
                });
            }

            /** Large requests pass through as they arrive, as in the bridge (not measured: they are not small calls). */
            @Override
            public ArrivingCall arriving(byte[] head) {
                return bridge.arriving(head);
            }

            @Override
            public byte[] refuse(byte[] beginning, long requestBytes, RfcException reason) {
                return bridge.refuse(beginning, requestBytes, reason);
            }
        };
        ListenerRuntime listener = new ListenerRuntime(LISTENER, "BENCH_PROGRAM", connections,
                () -> new GatewayAddress("127.0.0.1", gatewayPort), measured, counters,
                new ListenerRuntime.Settings(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5),
                        ProtocolLimits.DEFAULT));
        listener.start();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            if (line.equals("stats")) {
                System.out.println(JsonText.write(stats(counters)));
            } else if (line.startsWith("direct ")) {
                String[] words = line.split(" ");
                System.out.println(JsonText.write(directCalls(direct, Integer.parseInt(words[1]),
                        Integer.parseInt(words[2]), words.length > 3 ? Long.parseLong(words[3]) : 0)));
            } else if (line.startsWith("calllog ")) {
                observer = line.endsWith("on") ? monitoring : call -> { };
                System.out.println("{}");
            } else if (line.equals("reset")) {
                samples.set(0);
                System.gc();
                ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                System.out.println("{}");
            }
        }
        listener.stop();
        ((AutoCloseable) cloud).close();
        ((AutoCloseable) direct).close();
    }

    /**
     * Calls the cloud directly from this JVM for {@code seconds}, after a second of warm-up: timed one by
     * one with one caller (each after a pause of {@code pauseMicros}, not timed, if not zero), counted with several.
     */
    private static Map<String, Object> directCalls(RfcDestination direct, int seconds, int callers, long pauseMicros)
            throws Exception {
        Runnable call = () -> BenchCalls.call(() -> direct.execute(BenchCalls.connection()));
        Load.timed(call, 1);
        Map<String, Object> figures = new LinkedHashMap<>();
        if (callers == 1) {
            long[] sorted = Load.timed(call, seconds, pauseMicros * 1000);
            figures.put("calls", sorted.length);
            figures.put("p50_us", Load.micros(sorted, 0.5));
            figures.put("p99_us", Load.micros(sorted, 0.99));
            figures.put("p999_us", Load.micros(sorted, 0.999));
        } else {
            figures.put("calls", Load.parallel(call, callers, seconds));
        }
        return figures;
    }

    private Map<String, Object> stats(ListenerCounters counters) {
        int n = (int) Math.min(samples.get(), MAX_SAMPLES);
        long[] sorted = Arrays.copyOf(processing, n);
        Arrays.sort(sorted);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("calls", counters.snapshot().calls());
        stats.put("errors", counters.snapshot().errors());
        stats.put("processing_samples", n);
        stats.put("processing_p50_us", n == 0 ? 0 : sorted[n / 2] / 1e3);
        stats.put("processing_p99_us", n == 0 ? 0 : sorted[Math.min(n - 1, (int) (n * 0.99))] / 1e3);
        long[] destination = Arrays.copyOf(inDestinationNanos, n);
        Arrays.sort(destination);
        stats.put("destination_p50_us", n == 0 ? 0 : destination[n / 2] / 1e3);
        stats.put("heap_peak_mb", ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1e6);
        stats.put("heap_used_mb", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6);
        stats.put("cpu_ms", ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e6);
        stats.put("cpu_ms_listener_threads", threadsCpuMillis(ListenerRuntime.threadsName(LISTENER) + "-"));
        stats.put("cpu_ms_client_threads", threadsCpuMillis(BenchDestinations.clientThreadsName(CLOUD) + "-"));
        return stats;
    }

    /**
     * The processor time of the live threads whose names start with {@code prefix}: where a call's time goes (the
     * listener's threads, the WebSocket client's). Threads that ended are not counted.
     */
    private static double threadsCpuMillis(String prefix) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith(prefix)) {
                nanos += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));   // -1: it ended meanwhile
            }
        }
        return nanos / 1e6;
    }
}
