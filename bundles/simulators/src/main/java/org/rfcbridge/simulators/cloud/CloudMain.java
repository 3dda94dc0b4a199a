package org.rfcbridge.simulators.cloud;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.TableCompression;

/**
 * {@code ./rfcbridge cloud --port N [--users FILE] [--ca FILE] [--sid CLD]}: the simulated cloud
 * system in the foreground, one line per logon, call and refusal. Exit status 2 for wrong arguments.
 */
public final class CloudMain {
    private static final String USAGE = "usage: cloud --port N [--users FILE] [--ca FILE] [--sid CLD] "
            + "[--compression lzh|lzc|none]\n"
            + "  --users FILE  communication users, one per line: ALIAS USER CLIENT PASSWORD (# starts a comment);\n"
            + "                default: the tutorial's BC_USER000 / PasswordForBC_USER000 in client 100\n"
            + "  --ca FILE     where to write the CA certificate (PEM) to trust; default .rfcbridge/cloud-ca.pem\n"
            + "  --compression how reply tables from 8,193 bytes are written; default lzh, as SAP's systems do";

    private CloudMain() {
    }

    public static void main(String[] args) throws Exception {
        int status = run(args, System.out, System.err);
        if (status >= 0) {
            System.exit(status);
        }
    }

    /** Starts the system and blocks until the JVM is stopped (-1), or returns 2 for wrong arguments. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Integer port = null;
        Path users = null;
        Path ca = Path.of(".rfcbridge", "cloud-ca.pem");
        String sid = "CLD";
        TableCompression compression = TableCompression.LZH;
        try {
            for (int i = 0; i < args.length; i += 2) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                if (value == null) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(value);
                    case "--users" -> users = Path.of(value);
                    case "--ca" -> ca = Path.of(value);
                    case "--sid" -> sid = value;
                    case "--compression" -> compression = TableCompression.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (port == null) {
                throw new IllegalArgumentException("--port is required (443 needs root; 44300 is the demo's)");
            }
        } catch (IllegalArgumentException e) {
            err.println("cloud: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        List<CommunicationUser> extra;
        try {
            extra = users == null ? List.of() : readUsers(users);
        } catch (IOException | IllegalArgumentException e) {
            err.println("cloud: " + e.getMessage());
            return 2;
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
        SimulatedCloudSystem system = SimulatedCloudSystem.start(port, List.of("localhost", "127.0.0.1"), sid,
                ProtocolLimits.DEFAULT, event -> out.println(LocalTime.now().format(time) + " " + event));
        extra.forEach(system::addUser);
        system.compressTables(compression);
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

    /**
     * Reads communication users, one per line: alias, user, client, password separated by blanks.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed entry (never its password)
     */
    static List<CommunicationUser> readUsers(Path file) throws IOException {
        List<CommunicationUser> users = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\\s+", 4);
            if (columns.length != 4 || !columns[2].matches("\\d{3}")) {
                throw new IllegalArgumentException(file + " line " + (n + 1) + ": expected ALIAS USER CLIENT PASSWORD "
                        + "with a three-digit client");
            }
            users.add(new CommunicationUser(columns[1], columns[0], columns[3], columns[2]));
        }
        return users;
    }
}
