package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Test;

/**
 * The release installed as a service (issue 20): {@code bin/rfcbridge install-service} creates the service user,
 * gives it the installation (others cannot read {@code etc/}), and writes a systemd unit that
 * {@code systemd-analyze verify} accepts; the bridge started as that user runs as that user and answers its
 * health URL. (No systemd runs on these machines, so the unit itself is not started here.) Needs root, as
 * installing a service does; skipped, saying so, otherwise.
 */
public class ServiceInstallIT {
    private static final String USER = "rfcbridge-it";
    private Path home;
    private Path units;

    private static String run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(String.join(" ", command) + " ends", process.waitFor(2, TimeUnit.MINUTES));
        return process.exitValue() + "\n" + output;
    }

    @Before
    public void unpackTheRelease() throws Exception {
        Assume.assumeTrue("installing a service needs root; this run is not root", "0".equals(run(List.of("id", "-u"))
                .split("\n")[1].trim()));
        Path unpacked = Files.createTempDirectory("rfcbridge-service");
        Files.setPosixFilePermissions(unpacked, PosixFilePermissions.fromString("rwxr-xr-x"));   // the user's way in
        run(List.of("tar", "-xzf", RfcBridgeTestSupport.archive("rfcbridge.release", "build release first").toString(),
                "-C", unpacked.toString()));
        try (Stream<Path> dirs = Files.list(unpacked)) {
            home = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        units = Files.createDirectory(unpacked.resolve("units"));
        for (String[] setting : new String[][] {{"etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port"},
            {"etc/org.apache.karaf.shell.cfg", "sshPort"}, {"etc/org.apache.karaf.management.cfg", "rmiRegistryPort"},
            {"etc/org.apache.karaf.management.cfg", "rmiServerPort"}}) {
            Path cfg = home.resolve(setting[0]);
            Files.writeString(cfg, Files.readString(cfg).replaceAll("(?m)^" + java.util.regex.Pattern.quote(setting[1])
                    + "\\s*=.*$", setting[1] + " = " + RfcBridgeTestSupport.freePort()));
        }
    }

    @After
    public void stopAndRemove() throws Exception {
        if (home == null) {
            return;
        }
        run(List.of("runuser", "-u", USER, "--", home.resolve("bin/stop").toString()));
        run(List.of("userdel", USER));
        try (Stream<Path> files = Files.walk(home.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    public void theServiceUserOwnsTheInstallationAndRunsTheBridge() throws Exception {
        List<String> install = new ArrayList<>(List.of("bash", home.resolve("bin/rfcbridge").toString(),
                "install-service", "--user", USER, "--unit-dir", units.toString()));
        String installed = run(install);
        assertTrue(installed, installed.startsWith("0\n"));
        Path unit = units.resolve("rfcbridge.service");
        String text = Files.readString(unit);
        assertTrue(text, text.contains("User=" + USER) && text.contains("ExecStart=" + home + "/bin/karaf server")
                && text.contains("Restart=on-failure") && text.contains("EnvironmentFile=-/etc/default/rfcbridge"));
        if (new File("/usr/bin/systemd-analyze").canExecute()) {
            String verified = run(List.of("systemd-analyze", "verify", unit.toString()));
            assertTrue("systemd-analyze accepts the unit: " + verified, verified.startsWith("0\n"));
        }
        assertEquals("the service user owns the installation", USER, Files.getOwner(home.resolve("etc/users.properties"))
                .getName());
        assertEquals("others cannot read etc/", "rwx------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("etc"))));
        assertTrue("installing again is installing once", run(install).startsWith("0\n"));

        // what the unit's ExecStart runs, as the service user (bin/start: in the background, for the test)
        assertTrue(run(List.of("runuser", "-u", USER, "--", "env", "JAVA_HOME=" + System.getProperty("java.home"),
                home.resolve("bin/start").toString())).startsWith("0\n"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String health = "";
        while (System.nanoTime() < deadline && !(health = run(List.of("bash", home.resolve("bin/rfcbridge").toString(),
                "health"))).contains("overallResult")) {
            Thread.sleep(500);
        }
        assertTrue("the bridge answers its health URL: " + health, health.contains("\"overallResult\""));
        String pid = Files.readString(home.resolve("karaf.pid")).trim();
        String owner = run(List.of("ps", "-o", "user=", "-p", pid)).split("\n")[1].trim();
        assertEquals("the bridge runs as the service user", USER, owner);
        Path log = home.resolve("data/log/karaf.log");
        assertEquals("what it writes is its own (umask 077)", "rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(log)));
    }
}
