package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

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
    private ReleaseInstallation release;
    private Path units;

    private static String run(List<String> command) throws Exception {
        return ReleaseInstallation.run(command);
    }

    @Before
    public void unpackTheRelease() throws Exception {
        Assume.assumeTrue("installing a service needs root; this run is not root", "0".equals(run(List.of("id", "-u"))
                .split("\n")[1].trim()));
        release = new ReleaseInstallation();
        units = Files.createDirectory(release.home.getParent().resolve("units"));
    }

    @After
    public void stopAndRemove() throws Exception {
        if (release == null) {
            return;
        }
        run(List.of("runuser", "-u", USER, "--", release.home.resolve("bin/stop").toString()));
        run(List.of("userdel", USER));
        release.remove();
    }

    @Test
    public void theServiceUserOwnsTheInstallationAndRunsTheBridge() throws Exception {
        Path home = release.home;
        String installed = release.rfcbridge("install-service", "--user", USER, "--unit-dir", units.toString());
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
        assertTrue("installing again is installing once", release.rfcbridge("install-service", "--user", USER,
                "--unit-dir", units.toString()).startsWith("0\n"));

        // what the unit's ExecStart runs, as the service user (bin/start: in the background, for the test)
        assertTrue(run(List.of("runuser", "-u", USER, "--", "env", "JAVA_HOME=" + System.getProperty("java.home"),
                home.resolve("bin/start").toString())).startsWith("0\n"));
        release.awaitHealthUrl();
        String pid = Files.readString(home.resolve("karaf.pid")).trim();
        String owner = run(List.of("ps", "-o", "user=", "-p", pid)).split("\n")[1].trim();
        assertEquals("the bridge runs as the service user", USER, owner);
        Path log = home.resolve("data/log/karaf.log");
        assertEquals("what it writes is its own (umask 077)", "rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(log)));
    }
}
