package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/**
 * {@code bin/rfcbridge health} of the assemblies (no curl on every server: it speaks HTTP itself) against a bridge
 * that accepts the connection and then says nothing: it gives up after its timeout of silence, with exit 1 and a
 * message, instead of hanging a monitoring script.
 */
public class ReleaseScriptTest {
    @Test
    public void healthGivesUpOnASilentBridge() throws Exception {
        Path home = Files.createTempDirectory("rfcbridge-script");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("etc"));
        Path script = Files.copy(Path.of(System.getProperty("rfcbridge.script",
                "../config/src/main/assembly/bin/rfcbridge")), home.resolve("bin/rfcbridge"));
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Files.writeString(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port = "
                    + silent.getLocalPort() + "\n");
            Thread accepting = new Thread(() -> {
                try (Socket connection = silent.accept()) {
                    Thread.sleep(60_000);                    // accepted, never answered
                } catch (Exception ended) {
                    // the test is over
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            Process health = new ProcessBuilder("bash", script.toString(), "health").redirectErrorStream(true).start();
            assertTrue("it gives up instead of hanging", health.waitFor(30, TimeUnit.SECONDS));
            String output = new String(health.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(output, 1, health.exitValue());
            assertTrue(output, output.contains("the bridge does not answer"));
        }
    }
}
