package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * A site's upgrade (issue 20): a new version unpacked beside the old one takes over its configuration with
 * {@code bin/rfcbridge upgrade --from OLD}: the routing rule and the destination the site configured, the secret
 * file the destination names, the users; and refuses, naming the file's problem, when the new version rejects a
 * carried-over configuration.
 */
public class ReleaseUpgradeIT {
    private ReleaseInstallation old;
    private ReleaseInstallation current;

    @Before
    public void twoVersions() throws Exception {
        old = new ReleaseInstallation();
        current = new ReleaseInstallation();
        Path etc = old.home.resolve("etc");
        Files.writeString(etc.resolve("org.rfcbridge.routing.rule-site.cfg"), "sender = YI3000\nreceiver = "
                + "MYDESTINATION_000\nfunction = *\ntransport = RFC\ndestination = Connection_to_Cloud\n");
        Files.writeString(etc.resolve("org.rfcbridge.wsrfc.destination-Connection_to_Cloud.cfg"), "name = "
                + "Connection_to_Cloud\nhost = cloud.example.com\nalias.user = BC_USER000\nclient = 100\n"
                + "password = $[secret:cloud-password]\n");
        Files.writeString(etc.resolve("cloud-password"), "Site-Secret-1");
        assertTrue(old.rfcbridge("set-password", "--generate").startsWith("0\n"));
    }

    @After
    public void stopAndRemove() throws Exception {
        ReleaseInstallation.run(List.of(current.home.resolve("bin/stop").toString()));
        old.remove();
        current.remove();
    }

    @Test
    public void theNewVersionTakesOverTheConfigurationAndRefusesWhatItRejects() throws Exception {
        String upgraded = current.rfcbridge("upgrade", "--from", old.home.toString());
        assertTrue(upgraded, upgraded.startsWith("0\n") && upgraded.contains("accepts the configuration"));
        Path etc = current.home.resolve("etc");
        assertTrue(Files.readString(etc.resolve("org.rfcbridge.routing.rule-site.cfg")).contains("MYDESTINATION_000"));
        assertTrue(Files.readString(etc.resolve("org.rfcbridge.wsrfc.destination-Connection_to_Cloud.cfg"))
                .contains("cloud.example.com"));
        assertEquals("the secret file the destination names", "Site-Secret-1", Files.readString(
                etc.resolve("cloud-password")));
        assertEquals("the administrator's password", Files.readString(old.home.resolve("etc/admin.password")),
                Files.readString(etc.resolve("admin.password")));

        // a configuration the new version rejects: refused, naming it
        Files.writeString(old.home.resolve("etc/org.rfcbridge.routing.rule-site.cfg"), "sender = YI3000\nreceiver = "
                + "MYDESTINATION_000\nfunction = *\ntransport = X25\ndestination = Connection_to_Cloud\n");
        String refused = current.rfcbridge("upgrade", "--from", old.home.toString());
        assertTrue(refused, refused.startsWith("1\n") && refused.contains("configuration rejected")
                && refused.contains("field transport 'X25'"));
        assertTrue("the check leaves the new version stopped", current.rfcbridge("status").startsWith("1\n"));
        assertTrue("--from must be an installation", current.rfcbridge("upgrade", "--from", "/tmp").startsWith("2\n"));
    }
}
