package org.rfcbridge.simulators.onprem;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.json.FunctionJson;
import org.rfcbridge.protocol.json.Json;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * {@code ./rfcbridge onprem gateway|ping|call}: the simulated on-prem system from the command line.
 * Exit status 0 on success, 1 when the call or test failed, 2 for wrong arguments.
 */
public final class OnPremMain {
    private static final String USAGE = String.join("\n",
            "usage: onprem gateway --port N [--reginfo FILE] [--keepalive SECONDS]",
            "       onprem ping --gateway HOST:PORT --program-id ID [--destination NAME] [--sid YI3] [--client 000]"
                    + " [--user U] [--language E] [--timeout SECONDS]",
            "       onprem call --gateway HOST:PORT --program-id ID [--metadata FILE.json] [identity options] FUNCTION [JSON]");

    private OnPremMain() {
    }

    public static void main(String[] args) throws Exception {
        int status = run(args, System.out, System.err);
        if (status >= 0) {
            System.exit(status);
        }
    }

    /** Runs a subcommand; returns the exit status, or -1 for the gateway, which runs until stopped. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        Map<String, String> options = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    err.println("onprem: " + args[i] + " needs a value\n" + USAGE);
                    return 2;
                }
                options.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        try {
            switch (args[0]) {
                case "gateway": return gateway(options, out);
                case "ping": return ping(options, out, err);
                case "call": return call(options, positional, out, err);
                default:
                    err.println("onprem: unknown subcommand " + args[0] + "\n" + USAGE);
                    return 2;
            }
        } catch (IllegalArgumentException e) {
            err.println("onprem: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
    }

    private static int gateway(Map<String, String> options, PrintStream out) throws IOException, InterruptedException {
        int port = Integer.parseInt(required(options, "port"));
        SimulatedGateway.Settings settings = SimulatedGateway.Settings.defaults(port);
        if (options.containsKey("reginfo")) {
            settings = settings.withReginfo(Path.of(options.get("reginfo")));
        }
        if (options.containsKey("keepalive")) {
            settings = settings.withKeepAlive(Duration.ofSeconds(Long.parseLong(options.get("keepalive"))));
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
        SimulatedGateway gateway = SimulatedGateway.start(settings,
                event -> out.println(LocalTime.now().format(time) + " " + event));
        out.println("Simulated SAP gateway listening on 127.0.0.1:" + gateway.port() + " (sapgw"
                + String.format("%02d", gateway.port() % 100) + "); reginfo: "
                + (options.containsKey("reginfo") ? options.get("reginfo") : "none, local registrations only"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }));
        stopped.await();
        return -1;
    }

    private static SimulatedAbapSystem caller(Map<String, String> options, String destination) {
        String[] gateway = required(options, "gateway").split(":");
        if (gateway.length != 2) {
            throw new IllegalArgumentException("--gateway takes HOST:PORT, e.g. 127.0.0.1:3300");
        }
        SimulatedAbapSystem system = new SimulatedAbapSystem(new SimulatedAbapSystem.Identity(
                options.getOrDefault("sid", "YI3"), options.getOrDefault("client", "000"),
                options.getOrDefault("user", "DEVELOPER"), options.getOrDefault("language", "E")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout", "30"))), ProtocolLimits.DEFAULT);
        system.addDestination(new SimulatedAbapSystem.TypeTDestination(destination, gateway[0],
                Integer.parseInt(gateway[1]), required(options, "program-id")));
        return system;
    }

    private static int ping(Map<String, String> options, PrintStream out, PrintStream err) {
        String destination = options.getOrDefault("destination", "MYDESTINATION_000");
        SimulatedAbapSystem system = caller(options, destination);
        String what = "Connection test of " + destination + " (Program ID " + options.get("program-id") + " at "
                + options.get("gateway") + ")";
        try {
            Duration elapsed = system.connectionTest(destination);
            out.printf("%s: OK in %.3f ms%n", what, elapsed.toNanos() / 1e6);
            return 0;
        } catch (RfcException e) {
            err.println(what + " failed: " + e.kind() + ": " + e.getMessage());
            return 1;
        }
    }

    private static int call(Map<String, String> options, List<String> positional, PrintStream out, PrintStream err)
            throws IOException {
        if (positional.isEmpty()) {
            throw new IllegalArgumentException("call needs a FUNCTION");
        }
        String name = positional.get(0);
        Map<String, FunctionMetadata> known = new HashMap<>(SampleFunctions.all());
        if (options.containsKey("metadata")) {
            Object json = Json.parse(Files.readString(Path.of(options.get("metadata")), StandardCharsets.UTF_8));
            for (Object item : json instanceof List<?> list ? list : List.of(json)) {
                FunctionMetadata metadata = FunctionJson.metadata(item);
                known.put(metadata.name(), metadata);
            }
        }
        FunctionMetadata metadata = known.get(name);
        if (metadata == null) {
            throw new IllegalArgumentException("no metadata for " + name + "; built in: " + SampleFunctions.all().keySet()
                    + "; others need --metadata FILE.json");
        }
        Function function = metadata.newFunction();
        if (positional.size() > 1) {
            FunctionJson.setValues(function, Json.parse(positional.get(1)));
        }
        String destination = options.getOrDefault("destination", "MYDESTINATION_000");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("function", name);
        try {
            caller(options, destination).call(destination, function);
            result.put("result", FunctionJson.values(function, Direction.EXPORT, Direction.CHANGING, Direction.TABLES));
            out.println(Json.writePretty(result));
            return 0;
        } catch (RfcException e) {
            result.put("error", FunctionJson.error(e));
            out.println(Json.writePretty(result));
            err.println("onprem: " + name + " failed: " + e.kind() + ": " + e.getMessage());
            return 1;
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
