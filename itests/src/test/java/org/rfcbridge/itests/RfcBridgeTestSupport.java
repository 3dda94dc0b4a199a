package org.rfcbridge.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.extra.VMOption;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Boots the RFC Bridge assembly built by {@code karaf-assembly/} in a Pax Exam Karaf container, on
 * free ports bound to loopback, reading Maven artifacts from the local repository only.
 */
public abstract class RfcBridgeTestSupport {
    /**
     * What Felix's health servlet answers, with 200 and OK, before the bridge's checks are registered: a bridge still
     * starting, not a healthy one.
     */
    static final String NO_HEALTH_RESULTS = "\"results\":[]";
    /** The first port of Linux's range for outgoing connections, read once. */
    private static final int EPHEMERAL_LOW = ephemeralPortsFrom();
    /** The ports {@link #freePort()} has handed out. */
    private static final Set<Integer> GIVEN_PORTS = new HashSet<>();

    private static final String SSH_PORT_PROPERTY = "rfcbridge.itest.ssh.port";
    private static final String HTTP_PORT_PROPERTY = "rfcbridge.itest.http.port";
    private static final String GATEWAY_PORT_PROPERTY = "rfcbridge.itest.gateway.port";
    private static final String CLOUD_PORT_PROPERTY = "rfcbridge.itest.cloud.port";

    /**
     * Ports chosen in the test driver and handed to the container as system properties: the test
     * class is loaded again inside the container, where a new free port would be a different one.
     */
    protected static final int SSH_PORT = Integer.getInteger(SSH_PORT_PROPERTY, freePort());
    protected static final int HTTP_PORT = Integer.getInteger(HTTP_PORT_PROPERTY, freePort());
    /** The demo's simulated gateway and cloud system, moved off 3300 and 44300 so a running demo does not collide. */
    protected static final int GATEWAY_PORT = Integer.getInteger(GATEWAY_PORT_PROPERTY, freePort());
    protected static final int CLOUD_PORT = Integer.getInteger(CLOUD_PORT_PROPERTY, freePort());

    /** The assembly's administrator as shipped in {@code config/src/main/assembly/etc/users.properties}. */
    protected static final String ADMIN_USER = "admin";
    protected static final String ADMIN_PASSWORD = "admin";

    /** The Pax Exam options of the RFC Bridge assembly as shipped, with the demo moved to free ports. */
    protected Option[] baseConfiguration() {
        List<Option> options = new ArrayList<>(Arrays.asList(karafConfiguration(archive("rfcbridge.assembly",
                "build karaf-assembly first (mvn -B verify from the project root does)"), "RFC Bridge")));
        options.addAll(Arrays.asList(
                systemProperty(GATEWAY_PORT_PROPERTY).value(Integer.toString(GATEWAY_PORT)),
                systemProperty(CLOUD_PORT_PROPERTY).value(Integer.toString(CLOUD_PORT)),
                editConfigurationFilePut("etc/org.rfcbridge.simulators.demo.cfg", "gateway.port",
                        Integer.toString(GATEWAY_PORT)),
                editConfigurationFilePut("etc/org.rfcbridge.simulators.demo.cfg", "cloud.port", Integer.toString(CLOUD_PORT)),
                editConfigurationFilePut("etc/org.rfcbridge.cpic.server-Connection_to_OP.cfg", "gateway.service",
                        Integer.toString(GATEWAY_PORT)),
                editConfigurationFilePut("etc/org.rfcbridge.wsrfc.destination-Connection_to_Cloud.cfg", "port",
                        Integer.toString(CLOUD_PORT))));
        return options.toArray(new Option[0]);
    }

    /** A file named by a system property of the test driver, which must exist. */
    protected static File archive(String property, String howToMakeIt) {
        String path = System.getProperty(property);
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException(property + " = " + path + " is missing: " + howToMakeIt);
        }
        return new File(path);
    }

    /** The options any Karaf distribution needs here: its own ports, no remote Maven, the JDK 17 flags. */
    protected Option[] karafConfiguration(File archive, String name) {
        String karafVersion = System.getProperty("karaf.version");
        List<Option> options = new ArrayList<>(Arrays.asList(
                karafDistributionConfiguration().frameworkUrl(archive.toURI().toString())
                        .name(name).unpackDirectory(new File("target/exam")).useDeployFolder(false),
                keepRuntimeFolder(),
                configureConsole().ignoreLocalConsole(),
                systemProperty(SSH_PORT_PROPERTY).value(Integer.toString(SSH_PORT)),
                systemProperty(HTTP_PORT_PROPERTY).value(Integer.toString(HTTP_PORT)),
                logLevel(LogLevel.INFO),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(SSH_PORT)),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(HTTP_PORT)),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        System.getProperty("org.ops4j.pax.url.mvn.localRepository", ""))));
        // Pax Exam 4.12+ does not pass the JDK 9+ flags bin/karaf uses (PAXEXAM-916, karaf-notes P9).
        for (String flag : new String[] {
                "--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED"}) {
            options.add(new VMOption(flag));
        }
        return options.toArray(new Option[0]);
    }

    /** Waits up to {@code wait} for a condition of the running container; fails naming what did not happen. */
    protected static void eventually(java.time.Duration wait, String what, java.util.concurrent.Callable<Boolean> condition)
            throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.call()) {
                return;
            }
            Thread.sleep(100);
        }
        org.junit.Assert.fail("not within " + wait.toSeconds() + " s: " + what + karafLogTail());
    }

    /**
     * The last lines of the container's karaf.log, where a test runs inside Karaf (Pax Exam's probe): Pax Exam
     * removes the container's folder afterwards, so a failure in CI must carry its cause in its message.
     */
    private static String karafLogTail() {
        String data = System.getProperty("karaf.data");
        return data == null ? "" : karafLogTail(java.nio.file.Path.of(data, "log", "karaf.log"));
    }

    /** The last 60 lines of a karaf.log, for a failure's message; empty if there is none. */
    static String karafLogTail(java.nio.file.Path log) {
        if (!java.nio.file.Files.exists(log)) {
            return "";
        }
        try {
            List<String> lines = java.nio.file.Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\nkaraf.log, last lines:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 60),
                    lines.size()));
        } catch (IOException | RuntimeException e) {
            return "\n(karaf.log not readable: " + e + ")";
        }
    }

    /**
     * True if a console command's output holds the text; false while the command is not there yet (the console
     * registers a bundle's commands once their services are there), for {@link #eventually}.
     */
    protected static boolean shows(java.util.concurrent.Callable<String> command, String text) {
        try {
            return command.call().contains(text);
        } catch (Exception notYet) {
            return false;
        }
    }

    /** True if the action completes without an exception (for {@link #eventually}). */
    protected static boolean succeeds(java.util.concurrent.Callable<?> action) {
        try {
            action.call();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Runs a console command as an administrator's session does and returns what it printed; the output
     * is also added to {@code outputs} (even when the command fails, which throws), so tests can scan
     * everything shown for passwords.
     */
    protected static String console(SessionFactory sessions, String command, List<String> outputs) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessions.create(System.in, out, out);
        try {
            session.execute(command);
        } finally {
            out.flush();
            outputs.add(bytes.toString(StandardCharsets.UTF_8));
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Configures the listener Listener_via_JCo (Program ID JCO_PROGRAM at Connection_to_OP) with provider=jco. */
    protected static void addJCoListener(ConfigurationAdmin configurations, String repository) throws IOException {
        Hashtable<String, Object> listener = new Hashtable<>();
        listener.put("name", "Listener_via_JCo");
        listener.put("server", "Connection_to_OP");
        listener.put("program.id", "JCO_PROGRAM");
        listener.put("repository", repository);
        listener.put("provider", "jco");
        configurations.createFactoryConfiguration("org.rfcbridge.cpic.listener", "?").update(listener);
    }

    /** The installed bundle of the JCo provider. */
    protected static Bundle jcoProviderBundle() {
        return Arrays.stream(FrameworkUtil.getBundle(RfcBridgeTestSupport.class).getBundleContext().getBundles())
                .filter(b -> "org.rfcbridge.jco-provider".equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("the jco-provider bundle is installed"));
    }

    /**
     * A port free now for a server that binds it later, never the same twice in this JVM. It is taken below the
     * kernel's ephemeral range, where the system's own choice ({@code new ServerSocket(0)}) would be: an outgoing
     * connection takes its local port from that range, and in CI one did take a port a test had picked before Karaf
     * bound it. Below the range only another server can take it.
     */
    static synchronized int freePort() {
        int low = Math.max(1024, EPHEMERAL_LOW / 2);
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(low, EPHEMERAL_LOW);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
                if (GIVEN_PORTS.add(port)) {
                    return port;
                }
            } catch (IOException inUse) {
                // another one
            }
        }
        throw new IllegalStateException("no free port between " + low + " and " + EPHEMERAL_LOW + " in 200 attempts");
    }

    /**
     * The first port of Linux's range for outgoing connections, or Linux's default where it cannot be read or makes
     * no sense. Read by lines: {@code Files.readString} of this {@code /proc} file gave only its first character.
     */
    private static int ephemeralPortsFrom() {
        int linuxDefault = 32768;
        try {
            int first = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0)
                    .trim().split("\\s+")[0]);
            return first > 4096 ? first : linuxDefault;
        } catch (IOException | RuntimeException e) {
            return linuxDefault;
        }
    }
}
