package org.rfcbridge.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.api.json.JsonText;
import org.rfcbridge.simulators.onprem.SimulatedAbapSystem;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * The Karaf assembly's own figures, for {@code ./rfcbridge bench --assembly}, which starts a runtime of
 * its own and hands over: the time from the JVM's start to the last of the listener's connections
 * registered (from karaf.log), the resident memory idle and its peak under load, and the load (the
 * demo's STFC_CONNECTION through gateway, listener and cloud from several callers).
 * Then it scans the runtime's logs (call and audit log too), its trace files, {@code /metrics}, the health URL
 * and the launcher's output for the runtime's passwords.
 * Arguments: Karaf home, Karaf's pid, gateway port, seconds of load, callers, then files of the launcher's
 * output to scan too. Prints one JSON object.
 */
public final class AssemblyRun {
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss,SSS");

    private AssemblyRun() {
    }

    public static void main(String[] args) throws Exception {
        Path karaf = Path.of(args[0]);
        long pid = Long.parseLong(args[1]);
        int gatewayPort = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int callers = Integer.parseInt(args[4]);
        Map<String, Object> figures = new LinkedHashMap<>();
        Instant started = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant())
                .orElseThrow(() -> new IllegalStateException("no process " + pid));
        figures.put("assembly_start_to_alive_s", round(Duration.between(started, lastRegistration(karaf))
                .toMillis() / 1e3));
        Thread.sleep(5_000);                                 // idle: after start-up work has settled
        figures.put("assembly_rss_idle_mb", round(residentKb(pid) / 1024.0));
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    peak.accumulateAndGet(residentKb(pid), Math::max);
                    Thread.sleep(200);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        SimulatedAbapSystem onPrem = new SimulatedAbapSystem(new SimulatedAbapSystem.Identity("YI3", "000", "LOAD",
                "E"), Duration.ofSeconds(30), ProtocolLimits.DEFAULT);
        onPrem.addDestination(new SimulatedAbapSystem.TypeTDestination("MYDESTINATION_000", "127.0.0.1", gatewayPort,
                "CLOUD_SYSTEM_VIA_BC"));
        AtomicLong errors = new AtomicLong();
        long calls = Load.parallel(() -> {
            Function call = SampleFunctions.STFC_CONNECTION.newFunction();
            call.imports().setValue("REQUTEXT", "load");
            try {
                onPrem.call("MYDESTINATION_000", call);
            } catch (RfcException e) {
                errors.incrementAndGet();
            }
        }, callers, seconds);
        sampler.interrupt();
        figures.put("assembly_rss_load_peak_mb", round(peak.get() / 1024.0));
        figures.put("assembly_load_callers", callers);
        figures.put("assembly_load_calls_per_s", round(calls / (double) seconds));
        figures.put("assembly_load_errors", errors.get());
        List<Path> outputs = new ArrayList<>(logs(karaf));
        outputs.addAll(files(karaf.resolve("data/trace")));        // the launcher had the first calls traced
        outputs.addAll(operationsPages(karaf));
        for (int i = 5; i < args.length; i++) {
            outputs.add(Path.of(args[i]));                    // the launcher's own output, e.g. of ./rfcbridge start
        }
        figures.put("assembly_outputs_scanned", outputs.size());
        figures.put("assembly_outputs_with_a_secret", SecretScan.filesHolding(secrets(karaf), outputs));
        System.out.println(JsonText.write(figures));
        System.exit(0);
    }

    /** Every log file of the runtime (the call log and the audit log among them). */
    private static List<Path> logs(Path karaf) throws IOException {
        return files(karaf.resolve("data/log"));
    }

    private static List<Path> files(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toList());
        }
    }

    /**
     * What the runtime shows operators over HTTP, saved to files to be scanned: {@code /metrics} (as the
     * administrator of the launcher's credentials file) and the health URL, on the port of {@code RFCBRIDGE_HTTP_PORT}.
     */
    private static List<Path> operationsPages(Path karaf) throws IOException, InterruptedException {
        // the runtime's etc/ takes its HTTP port from this variable (Config Admin interpolation), as the launcher set it
        String port = System.getenv("RFCBRIDGE_HTTP_PORT");
        if (port == null) {
            throw new IllegalStateException("RFCBRIDGE_HTTP_PORT names the runtime's HTTP port");
        }
        Path credentials = karaf.resolveSibling("credentials");
        String password = SecretScan.passwordValues(Files.readAllLines(credentials)).get(0);
        HttpClient http = HttpClient.newHttpClient();
        List<Path> pages = new ArrayList<>();
        for (String path : List.of("/metrics", "/rfcbridge/health")) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + password)
                            .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + page.statusCode());
            }
            Path file = Files.createTempFile("rfcbridge-bench-page", ".txt");
            file.toFile().deleteOnExit();
            pages.add(Files.writeString(file, page.body()));
        }
        return pages;
    }

    /**
     * The runtime's secrets: every non-empty {@code password} (and {@code *.password}) value of its
     * configuration files, and the administrator's password that {@code ./rfcbridge start} generated.
     */
    private static List<String> secrets(Path karaf) throws IOException {
        List<String> secrets = new ArrayList<>();
        try (Stream<Path> files = Files.list(karaf.resolve("etc"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".cfg"))::iterator) {
                secrets.addAll(SecretScan.passwordValues(Files.readAllLines(file, StandardCharsets.UTF_8)));
            }
        }
        Path credentials = karaf.resolveSibling("credentials");
        if (Files.exists(credentials)) {
            secrets.addAll(SecretScan.passwordValues(Files.readAllLines(credentials, StandardCharsets.UTF_8)));
        }
        if (secrets.isEmpty()) {
            throw new IllegalStateException("no password found in " + karaf.resolve("etc") + " to scan for");
        }
        return secrets;
    }

    /** When the last of the listener's connections registered, from the log lines the listener writes. */
    private static Instant lastRegistration(Path karaf) throws IOException {
        List<String> lines = Files.readAllLines(karaf.resolve("data/log/karaf.log"), StandardCharsets.UTF_8);
        LocalDateTime last = null;
        for (String line : lines) {
            if (line.contains("registered Program ID") && line.length() > 23) {
                LocalDateTime time = LocalDateTime.parse(line.substring(0, 23), LOG_TIME);
                last = last == null || time.isAfter(last) ? time : last;
            }
        }
        if (last == null) {
            throw new IllegalStateException("no listener connection registered (karaf.log)");
        }
        return last.atZone(ZoneId.systemDefault()).toInstant();
    }

    /** The process's resident memory (VmRSS of /proc/PID/status), in KiB. */
    private static long residentKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring("VmRSS:".length()).trim().split("\\s+")[0]);
            }
        }
        throw new IOException("no resident memory figure for process " + pid);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
