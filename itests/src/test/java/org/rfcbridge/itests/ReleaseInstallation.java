package org.rfcbridge.itests;

import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The release tarball unpacked as a site unpacks it, on free ports, with commands run in it. */
final class ReleaseInstallation {
    final Path home;
    final int httpPort = RfcBridgeTestSupport.freePort();

    /** Unpacks the release into a directory others may pass through (a service user needs the way in). */
    ReleaseInstallation() throws Exception {
        Path unpacked = Files.createTempDirectory("rfcbridge-release");
        Files.setPosixFilePermissions(unpacked, PosixFilePermissions.fromString("rwxr-xr-x"));
        String output = run(List.of("tar", "-xzf", RfcBridgeTestSupport.archive("rfcbridge.release",
                "build release first").toString(), "-C", unpacked.toString()));
        assertTrue(output, output.startsWith("0\n"));
        try (Stream<Path> dirs = Files.list(unpacked)) {
            home = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        setting("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort);
        setting("etc/org.apache.karaf.shell.cfg", "sshPort", RfcBridgeTestSupport.freePort());
        setting("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", RfcBridgeTestSupport.freePort());
        setting("etc/org.apache.karaf.management.cfg", "rmiServerPort", RfcBridgeTestSupport.freePort());
    }

    private void setting(String file, String key, int value) throws Exception {
        Path cfg = home.resolve(file);
        Files.writeString(cfg, Files.readString(cfg).replaceAll("(?m)^" + Pattern.quote(key) + "\\s*=.*$", key + " = "
                + value));
    }

    /** Runs a command with this JVM's Java; its exit status, a line feed, and what it printed. */
    static String run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(String.join(" ", command) + " ends", process.waitFor(2, TimeUnit.MINUTES));
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
        while (System.nanoTime() < deadline && !(health = rfcbridge("health")).contains("overallResult")) {
            Thread.sleep(500);
        }
        assertTrue("the health URL answers: " + health, health.contains("\"overallResult\""));
    }

    /** Removes the unpacked release. */
    void remove() throws Exception {
        try (Stream<Path> files = Files.walk(home.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
