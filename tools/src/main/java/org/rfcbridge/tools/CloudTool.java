package org.rfcbridge.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.simulators.cloud.CommunicationUser;
import org.rfcbridge.simulators.cloud.SimulatedCloudSystem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./rfcbridge cloud --port N [--users FILE] [--ca FILE] [--sid CLD]}: the simulated cloud system in the
 * foreground, one line per logon, call and refusal, until the JVM is stopped. Exit status 2 for wrong arguments.
 */
@Command(name = "cloud", mixinStandardHelpOptions = true,
        description = "Runs the simulated cloud ABAP system (WebSocket RFC over TLS) until stopped.")
public final class CloudTool extends Tool {
    @Option(names = "--port", required = true, description = "The port (443 needs root; 44300 is the demo's)")
    private int port;

    @Option(names = "--users", paramLabel = "FILE", description = "Communication users, one per line: ALIAS USER "
            + "CLIENT PASSWORD (# starts a comment); default: the tutorial's BC_USER000 / PasswordForBC_USER000 in "
            + "client 100")
    private Path users;

    @Option(names = "--ca", paramLabel = "FILE", description = "Where to write the CA certificate (PEM) to trust; "
            + "default: ${DEFAULT-VALUE}")
    private Path ca = Path.of(".rfcbridge", "cloud-ca.pem");

    @Option(names = "--sid", description = "The system ID; default: ${DEFAULT-VALUE}")
    private String sid = "CLD";

    @Option(names = "--compression", paramLabel = "lzh|lzc|none", description = "How reply tables from 8,193 bytes "
            + "are written; default: lzh, as SAP's systems do")
    private String compression = "lzh";

    private CloudTool(PrintStream out, PrintStream err) {
        super(out, err);
    }

    public static void main(String[] args) {
        exit(run(args, System.out, System.err));
    }

    /** Starts the system and blocks until the JVM is stopped (-1), or returns 2 for wrong arguments. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new CloudTool(out, err).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        TableCompression tables = TableCompression.of(compression);
        List<CommunicationUser> extra;
        try {
            extra = users == null ? List.of() : CommunicationUser.readFile(users);
        } catch (IOException | IllegalArgumentException e) {
            err.println("cloud: " + e.getMessage());
            return 2;
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
        SimulatedCloudSystem system = SimulatedCloudSystem.start(port, List.of("localhost", "127.0.0.1"), sid,
                ProtocolLimits.DEFAULT, event -> out.println(LocalTime.now().format(time) + " " + event));
        extra.forEach(system::addUser);
        system.compressTables(tables);
        Path absolute = ca.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Files.writeString(absolute, system.caPem(), StandardCharsets.US_ASCII);
        out.println("Simulated cloud system " + sid + " listening on wss://localhost:" + system.port()
                + SimulatedCloudSystem.PATH + " (subprotocol " + SimulatedCloudSystem.SUBPROTOCOL + ")");
        out.println("CA certificate: " + absolute + " (copy it into the bridge's etc/trust)");
        out.println("Users: " + (users == null ? CommunicationUser.TUTORIAL : extra.size() + " from " + users + " and "
                + CommunicationUser.TUTORIAL));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                system.close();
            } catch (IOException e) {
                err.println("cloud: " + e.getMessage());
            }
            stopped.countDown();
        }));
        stopped.await();
        return -1;
    }
}
