package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
    /**
     * Every command answers {@code --help} and {@code -h} with its own usage and exit status 0 and does nothing
     * else: set-password leaves the users alone, container-start starts nothing, upgrade asks for no --from.
     */
    @Test
    public void everyCommandAnswersHelpAndDoesNothingElse() throws Exception {
        Path home = Files.createTempDirectory("rfcbridge-script");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("etc"));
        Path users = Files.writeString(home.resolve("etc/users.properties"), "admin = unchanged,_g_:admingroup\n");
        Path script = scripts(home);
        for (String command : new String[] {"status", "client", "health", "set-password", "upgrade", "install-service",
            "container-start"}) {
            for (String help : new String[] {"--help", "-h"}) {
                Process process = new ProcessBuilder("bash", script.toString(), command, help)
                        .redirectErrorStream(true).start();
                assertTrue(command + " " + help + " ends", process.waitFor(30, TimeUnit.SECONDS));
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(command + " " + help + ": " + output, 0, process.exitValue());
                assertTrue(command + " " + help + ": " + output, output.startsWith("  bin/rfcbridge " + command + " "));
            }
        }
        assertEquals("admin = unchanged,_g_:admingroup\n", Files.readString(users));
        assertTrue("nothing was started", !Files.exists(home.resolve("data")));
    }

    @Test
    public void healthGivesUpOnASilentBridge() throws Exception {
        Health health = health(connection -> Thread.sleep(60_000));      // accepted, never answered
        assertEquals(health.output, 1, health.exitValue);
        assertTrue(health.output, health.output.contains("the bridge does not answer"));
    }

    /**
     * Felix's health servlet answers 200 and OK before the bridge's checks are registered, with no results: that is
     * a bridge still starting, not a healthy one (the container's HEALTHCHECK and the upgrade's judgement rely on it).
     */
    @Test
    public void healthWithoutResultsIsAStartNotHealth() throws Exception {
        Health starting = health(answering("{\"overallResult\":\"OK\",\"results\":[]}"));
        assertEquals(starting.output, 1, starting.exitValue);
        assertTrue(starting.output, starting.output.contains("the bridge is still starting"));
        Health healthy = health(answering("{\"overallResult\":\"OK\",\"results\":[{\"name\":"
                + "\"RFC Bridge listeners\",\"status\":\"OK\"}]}"));
        assertEquals(healthy.output, 0, healthy.exitValue);
        assertTrue(healthy.output, healthy.output.contains("RFC Bridge listeners"));
    }

    /** What the fake bridge does with the health request's connection. */
    @FunctionalInterface
    private interface FakeBridge {
        void serve(Socket connection) throws Exception;
    }

    /** How bin/rfcbridge health ended, and what it printed. */
    private record Health(int exitValue, String output) {
    }

    /** bin/rfcbridge health against a fake bridge on a free port (it gives up after 30 s). */
    private static Health health(FakeBridge bridge) throws Exception {
        Path home = Files.createTempDirectory("rfcbridge-script");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("etc"));
        Path script = scripts(home);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Files.writeString(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port = "
                    + server.getLocalPort() + "\n");
            Thread accepting = new Thread(() -> {
                try (Socket connection = server.accept()) {
                    bridge.serve(connection);
                } catch (Exception ended) {
                    // the test is over
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            Process health = new ProcessBuilder("bash", script.toString(), "health").redirectErrorStream(true).start();
            assertTrue("it gives up instead of hanging", health.waitFor(30, TimeUnit.SECONDS));
            return new Health(health.exitValue(), new String(health.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8));
        }
    }

    /** A bridge whose health URL answers 200 with {@code json}. */
    private static FakeBridge answering(String json) {
        return connection -> {
            // the request read to its blank line: closing with it unread would reset the connection
            BufferedReader request = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                    StandardCharsets.US_ASCII));
            for (String line = request.readLine(); line != null && !line.isEmpty(); line = request.readLine()) {
                // headers are not looked at
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            connection.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            connection.getOutputStream().write(body);
        };
    }

    /**
     * How bin/setenv (for bin/client) and bin/rfcbridge (for its health check) read a port of etc/: "${env:VAR:-N}"
     * resolved as Felix FileInstall resolves it, a number as it is, and a variable name that is not one never
     * evaluated.
     */
    @Test
    public void aPortOfEtcIsResolvedAsFileInstallResolvesIt() throws Exception {
        Path home = Files.createTempDirectory("rfcbridge-script");
        Files.createDirectories(home.resolve("bin"));
        scripts(home);
        Path cfg = Files.writeString(home.resolve("ports.cfg"), "sshPort = ${env:RFCBRIDGE_SSH_PORT:-8131}\n"
                + "fixed = 9000\nhostile = ${env:X$(touch " + home.resolve("owned") + "):-8191}\n");
        assertEquals("8131", port(home, cfg, "sshPort", null));
        assertEquals("18131", port(home, cfg, "sshPort", "18131"));
        assertEquals("9000", port(home, cfg, "fixed", "18131"));
        assertEquals("8191", port(home, cfg, "hostile", "18131"));
        assertTrue("nothing of a value is run", !Files.exists(home.resolve("owned")));
    }

    private static String port(Path home, Path cfg, String key, String environment) throws Exception {
        ProcessBuilder sh = new ProcessBuilder("sh", "-c", ". \"$1\"; cfg_port \"$2\" \"$3\"", "sh",
                home.resolve("bin/ports").toString(), cfg.toString(), key).redirectErrorStream(true);
        sh.environment().remove("RFCBRIDGE_SSH_PORT");
        if (environment != null) {
            sh.environment().put("RFCBRIDGE_SSH_PORT", environment);
        }
        Process process = sh.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    /** bin/rfcbridge and the file it sources, in {@code home/bin}; returns bin/rfcbridge. */
    private static Path scripts(Path home) throws IOException {
        Path script = Path.of(System.getProperty("rfcbridge.script", "../config/src/main/assembly/bin/rfcbridge"));
        Files.copy(script.resolveSibling("ports"), home.resolve("bin/ports"));
        return Files.copy(script, home.resolve("bin/rfcbridge"));
    }
}
