package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

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
    private ReleaseInstallation release;

    @Before
    public void unpackTheRelease() throws Exception {
        release = new ReleaseInstallation();
    }

    @After
    public void stopAndRemove() throws Exception {
        ReleaseInstallation.run(List.of(release.home.resolve("bin/stop").toString()));
        release.remove();
    }

    private int metricsStatus(String credentials) throws IOException {
        return ReleaseInstallation.httpStatus(release.httpPort, "/metrics", credentials);
    }

    private void start() throws Exception {
        assertTrue(ReleaseInstallation.run(List.of(release.home.resolve("bin/start").toString())).startsWith("0\n"));
        release.awaitHealthUrl();
    }

    @Test
    public void nobodyLogsOnUntilThePasswordIsSetThenTheAdministratorDoes() throws Exception {
        start();
        assertTrue(release.rfcbridge("status"), release.rfcbridge("status").contains("Running"));
        assertEquals("no logon with the demo's password", 401, metricsStatus("admin:admin"));
        assertEquals("no logon with the placeholder", 401, metricsStatus("admin:{CRYPT}no-password-is-set{CRYPT}"));
        ReleaseInstallation.run(List.of(release.home.resolve("bin/stop").toString()));
        long stopped = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < stopped && release.rfcbridge("status").startsWith("0\n")) {
            Thread.sleep(500);
        }

        String set = release.rfcbridge("set-password", "--generate");
        assertTrue(set, set.startsWith("0\n"));
        Path file = release.home.resolve("etc/admin.password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String password = Files.readString(file).trim();
        assertFalse("the password is not printed", set.contains(password));
        assertTrue(release.rfcbridge("set-password", password).startsWith("2\n"));   // never on a command line
        start();
        assertEquals("the administrator logs on", 200, metricsStatus("admin:" + password));
        assertFalse("Karaf keeps it hashed after the logon", Files.readString(release.home.resolve(
                "etc/users.properties")).contains(password));
    }
}
