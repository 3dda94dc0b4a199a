package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * {@code ./rfcbridge start} after a newer build keeps what the user configured (issue 20): a routing rule added
 * on the console, a destination setting changed on the console, a destination added as a file in {@code etc/}
 * with its secret file, and the administrator's password are still there in the new runtime, which is the new
 * build's.
 */
public class LauncherUpgradeTest {
    private Path home;
    private Map<String, String> environment;

    @Before
    public void runtimeOfItsOwn() throws IOException {
        home = Files.createTempDirectory("rfcbridge-upgrade");
        environment = Map.of("RFCBRIDGE_HOME", home.toString(),
                "RFCBRIDGE_SSH_PORT", Integer.toString(RfcBridgeTestSupport.freePort()),
                "RFCBRIDGE_HTTP_PORT", Integer.toString(RfcBridgeTestSupport.freePort()),
                "RFCBRIDGE_RMI_REGISTRY_PORT", Integer.toString(RfcBridgeTestSupport.freePort()),
                "RFCBRIDGE_RMI_SERVER_PORT", Integer.toString(RfcBridgeTestSupport.freePort()));
    }

    @After
    public void stopAndRemove() throws Exception {
        launcher("stop");
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private String launcher(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", System.getProperty("rfcbridge.launcher",
                "../rfcbridge")));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("./rfcbridge " + String.join(" ", arguments) + " ends", process.waitFor(5, TimeUnit.MINUTES));
        assertEquals("./rfcbridge " + String.join(" ", arguments) + ":\n" + output + logTail(), 0,
                process.exitValue());
        return output;
    }

    /** The end of the runtime's karaf.log, which tells why a start failed; the home is removed after the test. */
    private String logTail() {
        return RfcBridgeTestSupport.karafLogTail(home.resolve("runtime/data/log/karaf.log"));
    }

    @Test
    public void aNewerBuildKeepsTheUsersConfiguration() throws Exception {
        String[] start = {"start", "--gateway-port", Integer.toString(RfcBridgeTestSupport.freePort()), "--cloud-port",
            Integer.toString(RfcBridgeTestSupport.freePort())};
        launcher(start);
        Path etc = home.resolve("runtime/etc");
        String password = Files.readString(home.resolve("credentials"));
        launcher("client", "rfc:route-add --order 50 upgrade UPG000 UPGRADE_000 STFC_* Connection_to_Cloud");
        launcher("client", "config:edit org.rfcbridge.wsrfc.destination~Connection_to_Cloud; "
                + "config:property-set call.timeout 77; config:update");
        Files.writeString(etc.resolve("org.rfcbridge.wsrfc.destination-Second_Cloud.cfg"), "name = Second_Cloud\n"
                + "host = second.example.com\nuser = BC_USER001\nclient = 100\npassword = $[secret:second-password]\n");
        Files.writeString(etc.resolve("second-password"), "Second-Secret-1");
        launcher("stop");
        // as after a newer build: the runtime is older than the assembly
        Files.setLastModifiedTime(home.resolve("runtime/.unpacked"), FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));

        String started = launcher(start);
        assertTrue(started, started.contains("runs with the configuration of the previous runtime"));
        assertTrue("the rule added on the console", Files.readString(etc.resolve(
                "org.rfcbridge.routing.rule-upgrade.cfg")).contains("UPGRADE_000"));
        assertTrue("the setting changed on the console", Files.readString(etc.resolve(
                "org.rfcbridge.wsrfc.destination-Connection_to_Cloud.cfg")).matches("(?s).*call\\.timeout\\s*=\\s*\"?77.*"));
        assertTrue("the destination added as a file", Files.exists(etc.resolve(
                "org.rfcbridge.wsrfc.destination-Second_Cloud.cfg")));
        assertEquals("the secret file it names", "Second-Secret-1", Files.readString(etc.resolve("second-password")));
        assertEquals("the administrator's password", password, Files.readString(home.resolve("credentials")));
        String rules = launcher("client", "rfc:route-list");
        assertTrue("the new runtime routes by the kept rule: " + rules, rules.contains("UPGRADE_000"));
        assertTrue("the previous runtime is kept with its logs", Files.isDirectory(home.resolve(
                "runtime.previous/data/log")));
    }
}
