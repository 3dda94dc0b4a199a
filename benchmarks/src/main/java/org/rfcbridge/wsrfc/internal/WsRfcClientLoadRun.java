package org.rfcbridge.wsrfc.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.X509TrustManager;

import org.rfcbridge.api.data.Function;
import org.rfcbridge.benchmarks.BenchCalls;
import org.rfcbridge.benchmarks.Load;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.simulators.cloud.SimulatedCloudSystem;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * The WebSocket RFC client under load against the simulated cloud system over TLS on loopback.
 *
 * <ul>
 * <li>{@code small [threads] [seconds]}: STFC_CONNECTION through the destination (pool, encode,
 * decode) against the bare round trip of the same pre-encoded request on one logged-on session
 * (Jetty's send and receive, the reply joined but not decoded), one thread each, then calls per
 * second through the destination with {@code threads} callers;</li>
 * <li>{@code table [rows] [width]}: Z_RFCBRIDGE_READ_ROWS from a cloud system in a child JVM, so
 * that this JVM's heap is the client's alone: seconds, MB/s and the peak heap of the call.</li>
 * </ul>
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.rfcbridge.wsrfc.internal.WsRfcClientLoadRun small 5 10}.
 * In this package only to reach the client's package-private classes; not part of the bundle.
 */
public final class WsRfcClientLoadRun {
    private WsRfcClientLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "small";
        if (mode.equals("table")) {
            table(args.length > 1 ? Integer.parseInt(args[1]) : 500_000, args.length > 2 ? Integer.parseInt(args[2]) : 512);
        } else {
            small(args.length > 1 ? Integer.parseInt(args[1]) : 5, args.length > 2 ? Integer.parseInt(args[2]) : 10);
        }
    }

    private static WsRfcSettings settings(int port, Duration callTimeout) {
        return new WsRfcSettings("Load_Cloud", "localhost", port, null, "rfc.sap.com", Map.of(), "BC_USER000",
                "PasswordForBC_USER000", "100", "E", Duration.ofSeconds(10), callTimeout);
    }

    private static void small(int threads, int seconds) throws Exception {
        try (SimulatedCloudSystem cloud = SimulatedCloudSystem.start(0, List.of("localhost"), "CLD",
                ProtocolLimits.DEFAULT, e -> { })) {
            X509TrustManager trust = BenchDestinations.trustManager(cloud.caPem());
            WsRfcSettings settings = settings(cloud.port(), Duration.ofSeconds(10));
            WsRfcDestination destination = WsRfcDestination.start(settings, new WsRfcDestination.PoolSettings(threads,
                    Duration.ZERO, Duration.ofSeconds(1)), FollowingTrustManager.context(null, () -> trust), null,
                    ProtocolLimits.DEFAULT);
            var client = JettyClients.start(FollowingTrustManager.context(null, () -> trust), 1 << 20);
            try (WsRfcConnection bare = WsRfcConnection.open(client, settings, ProtocolLimits.DEFAULT)) {
                byte[] request = new ClassicSerializer(ProtocolLimits.DEFAULT).encoder().encodeRequest(BenchCalls.connection());
                Runnable bareCall = () -> invoke(bare, request);
                Runnable clientCall = () -> call(destination);
                Load.timed(bareCall, 2);
                Load.timed(clientCall, 2);
                long[] bareNanos = Load.timed(bareCall, seconds);
                long[] clientNanos = Load.timed(clientCall, seconds);
                System.out.printf("one thread, %d s each: bare_round_trip p50_us=%.1f p99_us=%.1f calls=%d | "
                                + "destination p50_us=%.1f p99_us=%.1f calls=%d | added p50_us=%.1f p99_us=%.1f%n", seconds,
                        Load.micros(bareNanos, 0.5), Load.micros(bareNanos, 0.99), bareNanos.length,
                        Load.micros(clientNanos, 0.5), Load.micros(clientNanos, 0.99), clientNanos.length,
                        Load.micros(clientNanos, 0.5) - Load.micros(bareNanos, 0.5),
                        Load.micros(clientNanos, 0.99) - Load.micros(bareNanos, 0.99));
                long calls = Load.parallel(clientCall, threads, seconds);
                System.out.printf("%d callers, pool.size=%d, %d s: calls=%d calls_per_s=%.0f%n", threads, threads, seconds,
                        calls, calls / (double) seconds);
            } finally {
                client.stop();
                destination.close();
            }
        }
    }

    private static void invoke(WsRfcConnection connection, byte[] request) {
        try {
            connection.invoke(request, "STFC_CONNECTION");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void call(WsRfcDestination destination) {
        try {
            destination.execute(BenchCalls.connection());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void table(int rows, int width) throws Exception {
        Path ca = Files.createTempFile("rfcbridge-load-ca", ".pem");
        Process cloud = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-cp", System.getProperty("java.class.path"), "org.rfcbridge.tools.CloudTool", "--port", "0",
                "--ca", ca.toString()).redirectErrorStream(true).start();
        try {
            int port = -1;
            BufferedReader out = new BufferedReader(new InputStreamReader(cloud.getInputStream(), StandardCharsets.UTF_8));
            Pattern listening = Pattern.compile("wss://localhost:(\\d+)/");
            for (String line = out.readLine(); line != null && !line.startsWith("Users:"); line = out.readLine()) {
                Matcher m = listening.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
            X509TrustManager trust = BenchDestinations.trustManager(Files.readString(ca));
            WsRfcDestination destination = WsRfcDestination.start(settings(port, Duration.ofMinutes(10)),
                    new WsRfcDestination.PoolSettings(1, Duration.ZERO, Duration.ofSeconds(1)),
                    FollowingTrustManager.context(null, () -> trust), null, ProtocolLimits.DEFAULT);
            try {
                destination.ping();
                System.gc();
                ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                long before = heapUsed();
                long start = System.nanoTime();
                Function read = SampleFunctions.Z_RFCBRIDGE_READ_ROWS.newFunction();
                read.imports().setValue("ROW_COUNT", rows);
                read.imports().setValue("ROW_WIDTH", width);
                destination.execute(read);
                double seconds = (System.nanoTime() - start) / 1e9;
                Table data = read.tables().getTable("DATA");
                long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(pool -> pool.getType() == MemoryType.HEAP)
                        .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
                double mb = data.rowBytes() / 1e6;
                System.out.printf("rows=%d row_bytes=512 filled=%d table_mb=%.0f seconds=%.2f mb_per_s=%.0f "
                                + "heap_before_mb=%.0f heap_peak_mb=%.0f (sum of pool peaks; -Xmx %d MB)%n", data.getNumRows(),
                        width, mb, seconds, mb / seconds, before / 1e6, peak / 1e6,
                        Runtime.getRuntime().maxMemory() >> 20);
            } finally {
                destination.close();
            }
        } finally {
            cloud.destroy();
            Files.deleteIfExists(ca);
        }
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
