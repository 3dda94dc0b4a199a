package org.rfcbridge.itests;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The release tarball unpacked as a site unpacks it, on free ports, with commands run in it. */
final class ReleaseInstallation {
    final Path home;
    final int httpPort = RfcBridgeTestSupport.freePort();

    /** Unpacks the release and moves its ports to free ones. */
    ReleaseInstallation() throws Exception {
        home = unpack();
        setting("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort);
        setting("etc/org.apache.karaf.shell.cfg", "sshPort", RfcBridgeTestSupport.freePort());
        setting("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", RfcBridgeTestSupport.freePort());
        setting("etc/org.apache.karaf.management.cfg", "rmiServerPort", RfcBridgeTestSupport.freePort());
    }

    /**
     * Unpacks the release as it comes into a directory others may pass through (a service user needs the way in);
     * the unpacked release's directory.
     */
    static Path unpack() throws Exception {
        Path unpacked = Files.createTempDirectory("rfcbridge-release");
        Files.setPosixFilePermissions(unpacked, PosixFilePermissions.fromString("rwxr-xr-x"));
        String output = run(List.of("tar", "-xzf", RfcBridgeTestSupport.archive("rfcbridge.release",
                "build release first").toString(), "-C", unpacked.toString()));
        assertTrue(output, output.startsWith("0\n"));
        try (Stream<Path> dirs = Files.list(unpacked)) {
            return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private void setting(String file, String key, int value) throws Exception {
        Path cfg = home.resolve(file);
        Files.writeString(cfg, Files.readString(cfg).replaceAll("(?m)^" + Pattern.quote(key) + "\\s*=.*$", key + " = "
                + value));
    }

    /** Runs a command with this JVM's Java; its exit status, a line feed, and what it printed. */
    static String run(List<String> command) throws Exception {
        return run(command, Map.of(), Duration.ofMinutes(2));
    }

    /** Runs a command with this JVM's Java and more environment, for at most the time given; as {@link #run(List)}. */
    static String run(List<String> command, Map<String, String> environment, Duration timeout) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(String.join(" ", command) + " ends", process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS));
        return process.exitValue() + "\n" + output;
    }

    /** {@code bin/rfcbridge} of the release. */
    String rfcbridge(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/rfcbridge").toString()));
        command.addAll(List.of(arguments));
        return run(command);
    }

    /** Waits until the bridge answers its health URL. */
    void awaitHealthUrl() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String health = "";
        // an answer without results is Felix's before the bridge's checks are registered
        while (System.nanoTime() < deadline && (!(health = rfcbridge("health")).contains("overallResult")
                || health.contains(RfcBridgeTestSupport.NO_HEALTH_RESULTS))) {
            Thread.sleep(500);
        }
        assertTrue("the health URL answers: " + health, health.contains("\"overallResult\""));
    }

    /** The status code of a GET on 127.0.0.1, with basic authentication as {@code user:password} if not null. */
    static int httpStatus(int port, String path, String credentials) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
        if (credentials != null) {
            connection.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    /** Removes the unpacked release. */
    void remove() throws Exception {
        try (Stream<Path> files = Files.walk(home.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
