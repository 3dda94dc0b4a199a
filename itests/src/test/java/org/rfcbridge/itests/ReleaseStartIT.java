package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The release distribution started as a site starts it, from the tarball alone (issue 20): before an administrator
 * password is set nobody logs on (the web console's login refuses {@code admin}/{@code admin}); {@code bin/rfcbridge
 * set-password --generate} (with the bridge stopped: the running realm keeps the users it read) writes one into a
 * file only its owner reads, never printing it; started again, the administrator logs on with it, and Karaf keeps
 * it hashed; {@code bin/rfcbridge status} and {@code health} answer.
 */
public class ReleaseStartIT {
    private Path home;
    private int httpPort;

    @Before
    public void unpackTheRelease() throws Exception {
        Path unpacked = Files.createTempDirectory("rfcbridge-release");
        run(List.of("tar", "-xzf", RfcBridgeTestSupport.archive("rfcbridge.release", "build release first")
                .toString(), "-C", unpacked.toString()));
        try (Stream<Path> dirs = Files.list(unpacked)) {
            home = dirs.findFirst().orElseThrow();
        }
        httpPort = RfcBridgeTestSupport.freePort();
        setting("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort);
        setting("etc/org.apache.karaf.shell.cfg", "sshPort", RfcBridgeTestSupport.freePort());
        setting("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", RfcBridgeTestSupport.freePort());
        setting("etc/org.apache.karaf.management.cfg", "rmiServerPort", RfcBridgeTestSupport.freePort());
    }

    private void setting(String file, String key, int value) throws IOException {
        Path cfg = home.resolve(file);
        Files.writeString(cfg, Files.readString(cfg).replaceAll("(?m)^" + java.util.regex.Pattern.quote(key)
                + "\\s*=.*$", key + " = " + value));
    }

    @After
    public void stopAndRemove() throws Exception {
        run(List.of(home.resolve("bin/stop").toString()));
        try (Stream<Path> files = Files.walk(home.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private String run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(String.join(" ", command) + " ends", process.waitFor(2, TimeUnit.MINUTES));
        return process.exitValue() + "\n" + output;
    }

    private String rfcbridge(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/rfcbridge").toString()));
        command.addAll(List.of(arguments));
        return run(command);
    }

    private int metricsStatus(String credentials) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + httpPort + "/metrics")
                .openConnection();
        connection.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                credentials.getBytes(StandardCharsets.UTF_8)));
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    /** Starts the bridge and waits until its health URL answers. */
    private void start() throws Exception {
        assertTrue(run(List.of(home.resolve("bin/start").toString())).startsWith("0\n"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String health = "";
        while (System.nanoTime() < deadline && !(health = rfcbridge("health")).contains("overallResult")) {
            Thread.sleep(500);
        }
        assertTrue("the health URL answers: " + health, health.contains("\"overallResult\""));
    }

    @Test
    public void nobodyLogsOnUntilThePasswordIsSetThenTheAdministratorDoes() throws Exception {
        start();
        assertTrue(rfcbridge("status"), rfcbridge("status").contains("Running"));
        assertEquals("no logon with the demo's password", 401, metricsStatus("admin:admin"));
        assertEquals("no logon with the placeholder", 401, metricsStatus("admin:{CRYPT}no-password-is-set{CRYPT}"));
        run(List.of(home.resolve("bin/stop").toString()));
        long stopped = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < stopped && rfcbridge("status").startsWith("0\n")) {
            Thread.sleep(500);
        }

        String set = rfcbridge("set-password", "--generate");
        assertTrue(set, set.startsWith("0\n"));
        Path file = home.resolve("etc/admin.password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String password = Files.readString(file).trim();
        assertFalse("the password is not printed", set.contains(password));
        assertTrue(rfcbridge("set-password", password).startsWith("2\n"));   // never on a command line
        start();
        assertEquals("the administrator logs on", 200, metricsStatus("admin:" + password));
        assertFalse("Karaf keeps it hashed after the logon", Files.readString(home.resolve("etc/users.properties"))
                .contains(password));
    }
}
