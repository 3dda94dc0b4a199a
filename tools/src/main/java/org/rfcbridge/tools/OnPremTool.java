package org.rfcbridge.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.json.FunctionJson;
import org.rfcbridge.api.json.JsonText;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.simulators.onprem.SimulatedAbapSystem;
import org.rfcbridge.simulators.onprem.SimulatedGateway;
import org.rfcbridge.simulators.samples.SampleFunctions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ./rfcbridge onprem gateway|ping|call}: the simulated on-prem system from the command line.
 * Exit status 0 on success, 1 when the call or test failed, 2 for wrong arguments.
 */
@Command(name = "onprem", mixinStandardHelpOptions = true,
        description = "The simulated on-premise SAP system: its gateway, an SM59 connection test, an RFC call.",
        subcommands = {OnPremTool.Gateway.class, OnPremTool.Ping.class, OnPremTool.Call.class})
public final class OnPremTool extends Tool {
    private OnPremTool(PrintStream out, PrintStream err) {
        super(out, err);
    }

    public static void main(String[] args) {
        exit(run(args, System.out, System.err));
    }

    /** Runs a subcommand; returns the exit status, or -1 for the gateway, which runs until stopped. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new OnPremTool(out, err).execute(args);
    }

    @Spec
    private CommandSpec spec;

    /** Without a subcommand: a wrong argument (exit 2, with the usage). */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "onprem: name a subcommand: gateway, ping or call");
    }

    @Command(name = "gateway", mixinStandardHelpOptions = true,
            description = "Runs a simulated SAP gateway on 127.0.0.1 until stopped.")
    static final class Gateway implements Callable<Integer> {
        @ParentCommand
        private OnPremTool tool;

        @Option(names = "--port", required = true, description = "The gateway's port, e.g. 3300 (sapgw00)")
        private int port;

        @Option(names = "--reginfo", paramLabel = "FILE", description = "A reginfo file: which programs may "
                + "register; default: local registrations only")
        private Path reginfo;

        @Option(names = "--keepalive", paramLabel = "SECONDS", description = "How often registered servers are "
                + "checked")
        private Long keepAlive;

        @Override
        public Integer call() throws IOException, InterruptedException {
            SimulatedGateway.Settings settings = SimulatedGateway.Settings.defaults(port);
            if (reginfo != null) {
                settings = settings.withReginfo(reginfo);
            }
            if (keepAlive != null) {
                settings = settings.withKeepAlive(Duration.ofSeconds(keepAlive));
            }
            DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
            SimulatedGateway gateway = SimulatedGateway.start(settings,
                    event -> tool.out.println(LocalTime.now().format(time) + " " + event));
            tool.out.println("Simulated SAP gateway listening on 127.0.0.1:" + gateway.port() + " (sapgw"
                    + String.format("%02d", gateway.port() % 100) + "); reginfo: "
                    + (reginfo != null ? reginfo : "none, local registrations only"));
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                gateway.close();
                stopped.countDown();
            }));
            stopped.await();
            return -1;
        }
    }

    /** Where and as whom the simulated system calls: its type T destination and logon identity. */
    static final class Caller {
        @Option(names = "--gateway", required = true, paramLabel = "HOST:PORT", description = "The gateway the bridge "
                + "registered at")
        private String gateway;

        @Option(names = "--program-id", required = true, paramLabel = "ID", description = "The registered server "
                + "program, e.g. CLOUD_SYSTEM_VIA_BC")
        private String programId;

        @Option(names = "--destination", paramLabel = "NAME", description = "The SM59 destination's name; default: "
                + "${DEFAULT-VALUE}")
        private String destination = "MYDESTINATION_000";

        @Option(names = "--sid", description = "The caller's system ID; default: ${DEFAULT-VALUE}")
        private String sid = "YI3";

        @Option(names = "--client", description = "The caller's client; default: ${DEFAULT-VALUE}")
        private String client = "000";

        @Option(names = "--user", description = "The caller's user; default: ${DEFAULT-VALUE}")
        private String user = "DEVELOPER";

        @Option(names = "--language", description = "The logon language; default: ${DEFAULT-VALUE}")
        private String language = "E";

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long a call may take; default: "
                + "${DEFAULT-VALUE}")
        private long timeout = 30;

        SimulatedAbapSystem system() {
            String[] address = gateway.split(":");
            if (address.length != 2) {
                throw new IllegalArgumentException("--gateway takes HOST:PORT, e.g. 127.0.0.1:3300");
            }
            SimulatedAbapSystem system = new SimulatedAbapSystem(new SimulatedAbapSystem.Identity(sid, client, user,
                    language), Duration.ofSeconds(timeout), ProtocolLimits.DEFAULT);
            system.addDestination(new SimulatedAbapSystem.TypeTDestination(destination, address[0],
                    Integer.parseInt(address[1]), programId));
            return system;
        }
    }

    @Command(name = "ping", mixinStandardHelpOptions = true,
            description = "Tests the connection, as SM59's connection test does.")
    static final class Ping implements Callable<Integer> {
        @ParentCommand
        private OnPremTool tool;

        @Mixin
        private Caller caller;

        @Override
        public Integer call() {
            SimulatedAbapSystem system = caller.system();
            String what = "Connection test of " + caller.destination + " (Program ID " + caller.programId + " at "
                    + caller.gateway + ")";
            try {
                Duration elapsed = system.connectionTest(caller.destination);
                tool.out.printf("%s: OK in %.3f ms%n", what, elapsed.toNanos() / 1e6);
                return 0;
            } catch (RfcException e) {
                tool.err.println(what + " failed: " + e.kind() + ": " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "call", mixinStandardHelpOptions = true,
            description = "Calls a function module and prints its result (or error) as JSON.")
    static final class Call implements Callable<Integer> {
        @ParentCommand
        private OnPremTool tool;

        @Mixin
        private Caller caller;

        @Option(names = "--metadata", paramLabel = "FILE.json", description = "Metadata of functions that are not "
                + "built in (one object or an array)")
        private Path metadata;

        @Parameters(index = "0", paramLabel = "FUNCTION", description = "The function module")
        private String name;

        @Parameters(index = "1", arity = "0..1", paramLabel = "JSON", description = "Parameter values, e.g. "
                + "'{\"REQUTEXT\":\"Hi\"}'")
        private String values;

        @Override
        public Integer call() throws IOException {
            Map<String, FunctionMetadata> known = new HashMap<>(SampleFunctions.all());
            if (metadata != null) {
                FunctionJson.functions(JsonText.parse(Files.readString(metadata, StandardCharsets.UTF_8)))
                        .forEach(function -> known.put(function.name(), function));
            }
            FunctionMetadata function = known.get(name);
            if (function == null) {
                throw new IllegalArgumentException("no metadata for " + name + "; built in: "
                        + SampleFunctions.all().keySet() + "; others need --metadata FILE.json");
            }
            Function call = function.newFunction();
            if (values != null) {
                FunctionJson.setValues(call, JsonText.parse(values));
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("function", name);
            try {
                caller.system().call(caller.destination, call);
                result.put("result", FunctionJson.values(call, Direction.EXPORT, Direction.CHANGING, Direction.TABLES));
                tool.out.println(JsonText.writePretty(result));
                return 0;
            } catch (RfcException e) {
                result.put("error", FunctionJson.error(e));
                tool.out.println(JsonText.writePretty(result));
                tool.err.println("onprem: " + name + " failed: " + e.kind() + ": " + e.getMessage());
                return 1;
            }
        }
    }
}
