package org.rfcbridge.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.api.json.JsonText;
import org.rfcbridge.simulators.cloud.SimulatedCloudSystem;
import org.rfcbridge.simulators.onprem.SimulatedAbapSystem;
import org.rfcbridge.simulators.onprem.SimulatedGateway;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * {@code ./rfcbridge bench [--quick] [--json] [--table]}: the bridge's cost end to end, all on loopback. This
 * JVM is the outside world (the on-prem caller, the simulated gateway and the simulated cloud); the
 * bridge runs in a JVM of its own ({@link org.rfcbridge.cpic.internal.BenchBridge}). The same
 * STFC_CONNECTION calls are made through the bridge and directly from a WebSocket RFC client in the
 * bridge's JVM to the cloud in the same run, so the bridge's added latency is a difference that machine
 * noise spoils less; the bare loopback round trip of this machine is measured too, as the floor. The
 * Karaf assembly's figures, which the launcher measured first, join the report, and the load issue's
 * targets are judged on it ({@link LoadTargets}).
 */
public final class EndToEndBench {
    /**
     * The bridge JVM's heap limit: the load issue's memory target, so a run shows that the large table fits
     * in it (-Drfcbridge.bench.bridge.heap=... to try others).
     */
    private static final String BRIDGE_HEAP = System.getProperty("rfcbridge.bench.bridge.heap", "256m");
    private final boolean quick;
    /** Only the large table ({@code --table}), for looking at that path alone. */
    private final boolean tableOnly;
    /** Where both JVMs write their flight recordings, or null ({@code ./rfcbridge bench --profile}). */
    private final String profile = System.getProperty("rfcbridge.bench.profile");
    private final Map<String, Object> figures = new LinkedHashMap<>();

    private EndToEndBench(boolean quick, boolean tableOnly) {
        this.quick = quick;
        this.tableOnly = tableOnly;
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        EndToEndBench bench = new EndToEndBench(options.contains("--quick"), options.contains("--table"));
        PrintStream out = System.out;
        // the simulators and Jetty log to standard output; the figures must stay readable
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            bench.run();
        } finally {
            System.setOut(out);
        }
        if (options.contains("--json")) {
            out.println(JsonText.write(bench.figures));
        } else {
            bench.figures.forEach((key, value) -> out.printf("%-34s %s%n", key, value));
        }
        System.exit(0);
    }

    private void run() throws Exception {
        int seconds = quick ? 3 : 10;
        figures.put("mode", quick ? "quick" : "full");
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        figures.put("loopback_rtt_p50_us", loopbackRoundTrip(quick ? 20_000 : 100_000));
        Path ca = Files.createTempFile("rfcbridge-bench-ca", ".pem");
        try (SimulatedCloudSystem cloud = SimulatedCloudSystem.start(0, List.of("localhost"), "CLD",
                ProtocolLimits.DEFAULT, e -> { });
             SimulatedGateway gateway = SimulatedGateway.start(SimulatedGateway.Settings.defaults(0), e -> { })) {
            Files.writeString(ca, cloud.caPem(), StandardCharsets.US_ASCII);
            SimulatedAbapSystem onPrem = new SimulatedAbapSystem(new SimulatedAbapSystem.Identity("YI3", "000", "BENCH",
                    "E"), Duration.ofMinutes(5), ProtocolLimits.DEFAULT);
            onPrem.addDestination(new SimulatedAbapSystem.TypeTDestination("MYDESTINATION_000", "127.0.0.1",
                    gateway.port(), "BENCH_PROGRAM"));
            long started = System.nanoTime();
            Process bridge = startBridge(gateway.port(), cloud.port(), ca, 5, profile);
            try (BufferedReader bridgeOut = new BufferedReader(new InputStreamReader(bridge.getInputStream(),
                    StandardCharsets.UTF_8)); PrintStream bridgeIn = new PrintStream(bridge.getOutputStream(), true,
                    StandardCharsets.UTF_8)) {
                while (gateway.registrations().size() < 5) {
                    if (!bridge.isAlive()) {
                        throw new IllegalStateException("the bridge JVM ended while starting");
                    }
                    Thread.sleep(5);
                }
                figures.put("bench_bridge_start_to_alive_s", round((System.nanoTime() - started) / 1e9));
                if (!tableOnly) {
                    smallCalls(onPrem, gateway, seconds, bridgeIn, bridgeOut);
                }
                largeTable(onPrem, bridgeIn, bridgeOut);
                LargeRequests requests = new LargeRequests(gateway.port(), command -> ask(bridgeIn, bridgeOut,
                        command), figures);
                requests.upload(quick ? 50_000 : LargeRequests.UPLOAD_ROWS);
                if (!tableOnly) {
                    requests.bothWays(LargeRequests.BOTH_WAYS_CALLERS, quick ? 20_000 : LargeRequests.BOTH_WAYS_ROWS);
                }
                bridgeIn.println("quit");
            } finally {
                bridge.waitFor();
            }
        } finally {
            Files.deleteIfExists(ca);
        }
        addAssemblyFigures();
        LoadTargets.Verdicts verdicts = LoadTargets.judge(figures);
        figures.put("targets_met", verdicts.met());
        figures.put("targets_missed", verdicts.missed());
    }

    /**
     * The Karaf assembly's figures, which the launcher measured before this run ({@code AssemblyRun}, in a
     * runtime of its own): its start to listener ALIVE is the report's {@code start_to_alive_s}.
     */
    @SuppressWarnings("unchecked")
    private void addAssemblyFigures() throws IOException {
        String file = System.getProperty("rfcbridge.bench.assembly");
        if (file == null) {
            return;
        }
        String json = Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
        if (json.isEmpty()) {
            throw new IllegalStateException("the assembly's figures are missing: see the output of "
                    + "./rfcbridge bench --assembly");
        }
        Map<String, Object> assembly = (Map<String, Object>) JsonText.parse(json);
        figures.put("start_to_alive_s", assembly.get("assembly_start_to_alive_s"));
        figures.putAll(assembly);
    }

    private static Process startBridge(int gatewayPort, int cloudPort, Path ca, int connections, String profile)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + BRIDGE_HEAP));
        if (profile != null) {
            // beside the callers' recording, which the launcher starts
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + Path.of(profile, "bridge.jfr"));
        }
        // the call log to a file, as the assembly writes data/log/calls.log (slf4j-simple; see simplelogger.properties)
        Path callLog = Files.createTempFile("rfcbridge-bench-calls", ".log");
        callLog.toFile().deleteOnExit();
        command.add("-Dorg.slf4j.simpleLogger.logFile=" + callLog);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.rfcbridge.cpic.internal.BenchBridge",
                Integer.toString(gatewayPort), Integer.toString(cloudPort), ca.toString(), Integer.toString(connections)));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** One line of the bridge's answer to a command ({@code stats} or {@code reset}), skipping its log lines. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> ask(PrintStream bridgeIn, BufferedReader bridgeOut, String command)
            throws IOException {
        bridgeIn.println(command);
        for (String line = bridgeOut.readLine(); line != null; line = bridgeOut.readLine()) {
            if (line.startsWith("{")) {
                return (Map<String, Object>) JsonText.parse(line);
            }
        }
        throw new IOException("the bridge JVM ended");
    }

    private void smallCalls(SimulatedAbapSystem onPrem, SimulatedGateway gateway, int seconds, PrintStream bridgeIn,
                            BufferedReader bridgeOut) throws Exception {
        Runnable bridgeCall = () -> BenchCalls.call(() -> onPrem.call("MYDESTINATION_000", BenchCalls.connection()));
        // the conversation set-up (F_INITIALIZE, F_ALLOCATE) is answered by the gateway alone, so the
        // bridge's latency is timed from the call's data on, as the direct call is timed on an open session
        Load.Samples setup = new Load.Samples();
        Load.Samples afterSetup = new Load.Samples();
        Runnable bridgeCallAfterSetup = () -> BenchCalls.call(() -> {
            long start = System.nanoTime();
            SimulatedAbapSystem.Conversation conversation = onPrem.open("MYDESTINATION_000");
            long opened = System.nanoTime();
            conversation.call(BenchCalls.connection());
            afterSetup.add(System.nanoTime() - opened);
            setup.add(opened - start);
        });
        // warm both JVMs (the bridge's client code is the direct calls' too) before anything is timed
        Load.timed(bridgeCall, 1);
        // the direct calls start in the bridge's JVM, as the bridge's own do: the two differ by the bridge alone
        Map<String, Object> direct = ask(bridgeIn, bridgeOut, "direct " + seconds + " 1");
        ask(bridgeIn, bridgeOut, "reset");
        long[] withSetupNanos = Load.timed(bridgeCall, seconds);
        Load.timed(bridgeCallAfterSetup, seconds);
        long[] bridgeNanos = afterSetup.sorted();
        long[] setupSorted = setup.sorted();
        Map<String, Object> stats = ask(bridgeIn, bridgeOut, "stats");
        double directP50 = ((Number) direct.get("p50_us")).doubleValue();
        double directP99 = ((Number) direct.get("p99_us")).doubleValue();
        figures.put("direct_latency_p50_us", directP50);
        figures.put("direct_latency_p99_us", directP99);
        figures.put("direct_latency_p999_us", direct.get("p999_us"));
        figures.put("bridge_latency_p50_us", Load.micros(bridgeNanos, 0.5));
        figures.put("bridge_latency_p99_us", Load.micros(bridgeNanos, 0.99));
        figures.put("bridge_latency_p999_us", Load.micros(bridgeNanos, 0.999));
        figures.put("added_latency_p50_us", round(Load.micros(bridgeNanos, 0.5) - directP50));
        figures.put("added_latency_p99_us", round(Load.micros(bridgeNanos, 0.99) - directP99));
        figures.put("conversation_setup_p50_us", Load.micros(setupSorted, 0.5));
        figures.put("bridge_latency_with_setup_p50_us", Load.micros(withSetupNanos, 0.5));
        figures.put("bridge_latency_with_setup_p99_us", Load.micros(withSetupNanos, 0.99));
        figures.put("bridge_processing_p50_us", stats.get("processing_p50_us"));
        figures.put("bridge_processing_p99_us", stats.get("processing_p99_us"));
        // the WebSocket leg as the bridge sees it (request sent until reply decoded): what is left of the
        // bridge latency besides it and the processing is the CPI-C side (caller, gateway, listener sockets)
        figures.put("bridge_destination_p50_us", stats.get("destination_p50_us"));
        pacedDirectCalls(Load.micros(bridgeNanos, 0.5), ((Number) stats.get("destination_p50_us")).doubleValue(),
                seconds, bridgeIn, bridgeOut);
        figures.put("calls_per_s_1_connection", round(withSetupNanos.length / (double) seconds));
        LoadPhase five = LoadPhase.run(bridgeCall, 5, seconds, bridgeIn, bridgeOut);
        figures.put("calls_per_s_5_connections", round(five.callsPerSecond()));
        // the bridge JVM's processor time per call under that load (threads, system calls, TLS, GC included),
        // and this JVM's (the simulated caller, gateway and cloud); what they allow on this machine's cores
        // bounds the whole simulated path, and the bridge alone
        int cores = Runtime.getRuntime().availableProcessors();
        figures.put("bridge_cpu_us_per_call", round(five.bridgeCpuMicros()));
        figures.put("outside_cpu_us_per_call", round(five.outsideCpuMicros()));
        figures.put("cpu_bound_calls_per_s_simulated_path", round(cores * 1e6 / (five.bridgeCpuMicros()
                + five.outsideCpuMicros())));
        figures.put("cpu_bound_calls_per_s_bridge_alone", round(cores * 1e6 / five.bridgeCpuMicros()));
        // the same call relayed by the gateway itself, without the simulated caller (its conversation set-up and
        // its hop to the gateway): what the bridge carries when the on-prem side costs less
        byte[] chain = onPrem.requestChain("MYDESTINATION_000", BenchCalls.connection());
        Function answered = BenchCalls.connection();
        byte[] reply = gateway.relay("BENCH_PROGRAM", chain);
        new ClassicSerializer(ProtocolLimits.DEFAULT).decoder().decodeResponse(reply, 0, reply.length, answered, "the bridge");
        if (!BenchCalls.REQUTEXT.equals(answered.exports().getString("ECHOTEXT"))) {
            throw new IllegalStateException("the relayed call was not answered: " + answered.exports());
        }
        LoadPhase relayed = LoadPhase.run(() -> {
            try {
                gateway.relay("BENCH_PROGRAM", chain);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, 5, seconds, bridgeIn, bridgeOut);
        figures.put("calls_per_s_5_connections_gateway_only", round(relayed.callsPerSecond()));
        figures.put("bridge_cpu_us_per_call_gateway_only", round(relayed.bridgeCpuMicros()));
        // of it, the threads that carry a call: the listener's (gateway socket, codec, sending to the cloud) and
        // the WebSocket client's (reading the cloud's replies); the rest is the JVM's own (JIT, GC) and the call log
        figures.put("bridge_cpu_us_per_call_gateway_only_listener_threads", round(relayed.listenerCpuMicros()));
        figures.put("bridge_cpu_us_per_call_gateway_only_client_threads", round(relayed.clientCpuMicros()));
        figures.put("outside_cpu_us_per_call_gateway_only", round(relayed.outsideCpuMicros()));
        figures.put("calls_per_s_direct_5_sessions", round(((Number) ask(bridgeIn, bridgeOut, "direct " + seconds
                + " 5").get("calls")).doubleValue() / seconds));
        withoutMonitoring(bridgeCall, bridgeCallAfterSetup, afterSetup, seconds, directP50, bridgeIn, bridgeOut);
        figures.put("bridge_errors", ask(bridgeIn, bridgeOut, "stats").get("errors"));
    }

    /**
     * The direct calls again, each after a pause as long as the part of a bridge call outside its WebSocket leg.
     * The direct calls above follow each other at once, so the cloud's threads and the client's are still awake
     * when the next call comes; the bridge's WebSocket leg always follows the CPI-C side's time, in which they fall
     * idle, and waking an idle thread costs more on a virtual machine. Paced, both meet the cloud alike: what
     * {@code added_latency_paced_p50_us} adds to the bridge is what the bridge adds, without the back-to-back
     * advantage of the direct path. Reported beside the added latency, not instead of it: the targets are judged
     * on {@code added_latency_p50_us}.
     */
    private void pacedDirectCalls(double bridgeP50, double destinationP50, int seconds, PrintStream bridgeIn,
                                  BufferedReader bridgeOut) throws IOException {
        long pause = Math.max(1, Math.round(bridgeP50 - destinationP50));
        double paced = ((Number) ask(bridgeIn, bridgeOut, "direct " + seconds + " 1 " + pause).get("p50_us"))
                .doubleValue();
        figures.put("direct_pause_us", pause);
        figures.put("direct_latency_paced_p50_us", paced);
        figures.put("added_latency_paced_p50_us", round(bridgeP50 - paced));
    }

    /**
     * What the bridge's monitoring (call log, metrics, recent calls) costs: the same figures measured back to back
     * without it ({@code _log_off}, as the bridge was before it had any) and with it ({@code _log_on}, as
     * shipped), so that both phases run on equally warm JVMs.
     */
    private void withoutMonitoring(Runnable bridgeCall, Runnable bridgeCallAfterSetup, Load.Samples afterSetup,
                                   int seconds, double directP50, PrintStream bridgeIn, BufferedReader bridgeOut)
            throws Exception {
        for (String mode : List.of("off", "on")) {
            ask(bridgeIn, bridgeOut, "calllog " + mode);
            ask(bridgeIn, bridgeOut, "reset");
            afterSetup.clear();
            Load.timed(bridgeCallAfterSetup, seconds);
            long[] bridgeNanos = afterSetup.sorted();
            Map<String, Object> stats = ask(bridgeIn, bridgeOut, "stats");
            figures.put("bridge_processing_p50_us_log_" + mode, stats.get("processing_p50_us"));
            figures.put("added_latency_p50_us_log_" + mode, round(Load.micros(bridgeNanos, 0.5) - directP50));
            figures.put("calls_per_s_5_connections_log_" + mode, round(LoadPhase.run(bridgeCall, 5, seconds, bridgeIn,
                    bridgeOut).callsPerSecond()));
        }
    }

    /**
     * Calls from several callers for a while, with the processor time both JVMs spent on them.
     *
     * @param bridgeCpuMicros   the bridge JVM's per call
     * @param outsideCpuMicros  this JVM's per call (the simulated systems)
     * @param listenerCpuMicros of the bridge JVM's, its listener threads' per call
     * @param clientCpuMicros   of the bridge JVM's, its WebSocket client threads' per call
     */
    private record LoadPhase(double callsPerSecond, double bridgeCpuMicros, double outsideCpuMicros,
                             double listenerCpuMicros, double clientCpuMicros) {
        static LoadPhase run(Runnable call, int callers, int seconds, PrintStream bridgeIn, BufferedReader bridgeOut)
                throws Exception {
            Map<String, Object> before = ask(bridgeIn, bridgeOut, "stats");
            long outsideBefore = processCpuNanos();
            long calls = Load.parallel(call, callers, seconds);
            long outsideAfter = processCpuNanos();
            Map<String, Object> after = ask(bridgeIn, bridgeOut, "stats");
            return new LoadPhase(calls / (double) seconds, microsPerCall(before, after, "cpu_ms", calls),
                    (outsideAfter - outsideBefore) / 1e3 / calls,
                    microsPerCall(before, after, "cpu_ms_listener_threads", calls),
                    microsPerCall(before, after, "cpu_ms_client_threads", calls));
        }

        /** The growth of one of the bridge's processor times (milliseconds) per call, in µs. */
        private static double microsPerCall(Map<String, Object> before, Map<String, Object> after, String key,
                                            long calls) {
            return (((Number) after.get(key)).doubleValue() - ((Number) before.get(key)).doubleValue()) * 1e3 / calls;
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        }
    }

    private void largeTable(SimulatedAbapSystem onPrem, PrintStream bridgeIn, BufferedReader bridgeOut)
            throws Exception {
        int rows = quick ? 50_000 : LoadTargets.TABLE_ROWS;
        ask(bridgeIn, bridgeOut, "reset");
        Function read = SampleFunctions.Z_RFCBRIDGE_READ_ROWS.newFunction();
        read.imports().setValue("ROW_COUNT", rows);
        read.imports().setValue("ROW_WIDTH", 512);
        long start = System.nanoTime();
        onPrem.call("MYDESTINATION_000", read);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (read.tables().getTable("DATA").getNumRows() != rows) {
            throw new IllegalStateException("the table arrived with " + read.tables().getTable("DATA").getNumRows()
                    + " rows instead of " + rows);
        }
        Map<String, Object> stats = ask(bridgeIn, bridgeOut, "stats");
        figures.put("large_table_rows", rows);
        figures.put("large_table_seconds", round(seconds));
        figures.put("large_table_mb_per_s", round(rows * 512 / 1e6 / seconds));
        figures.put("large_table_bridge_heap_mb", stats.get("heap_peak_mb"));
        figures.put("bridge_heap_limit", BRIDGE_HEAP);
    }

    /** The median round trip of one byte over a loopback TCP connection: the physical floor of a hop. */
    private static double loopbackRoundTrip(int count) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread echo = new Thread(() -> {
                try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    s.setTcpNoDelay(true);
                    for (int b = in.read(); b >= 0; b = in.read()) {
                        out.write(b);
                    }
                } catch (IOException e) {
                    // the client closed the connection: the measurement is over
                }
            });
            echo.start();
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                client.setTcpNoDelay(true);
                InputStream in = client.getInputStream();
                OutputStream out = client.getOutputStream();
                long[] nanos = new long[count];
                for (int i = 0; i < count; i++) {
                    long start = System.nanoTime();
                    out.write(1);
                    if (in.read() < 0) {
                        throw new IOException("the echo ended");
                    }
                    nanos[i] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                return round(nanos[count / 2] / 1e3);
            }
        }
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
