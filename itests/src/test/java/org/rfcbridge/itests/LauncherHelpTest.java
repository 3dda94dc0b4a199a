package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.Test;
import org.rfcbridge.api.json.JsonText;

/**
 * The launcher for scripts (issue 22): every subcommand answers {@code --help} and {@code -h} with its own usage
 * and exit status 0 and does nothing else ({@code stop --help} once stopped the bridge; with a home of its own,
 * nothing is built, unpacked, started or stopped: the home stays empty), and {@code status --json} is typed.
 */
public class LauncherHelpTest {
    private static final List<String> COMMANDS = List.of("test", "start", "bench", "stop", "status", "client",
            "decode", "onprem", "cloud", "install-jco");

    @Test
    public void everySubcommandAnswersHelpAndDoesNothingElse() throws Exception {
        Path home = Files.createTempDirectory("rfcbridge-help");
        String launcher = System.getProperty("rfcbridge.launcher", "../rfcbridge");
        for (String command : COMMANDS) {
            for (String help : new String[] {"--help", "-h"}) {
                String result = ReleaseInstallation.run(List.of("bash", launcher, command, help),
                        Map.of("RFCBRIDGE_HOME", home.toString()), Duration.ofSeconds(30));
                assertTrue(command + " " + help + ": " + result, result.startsWith("0\n  ./rfcbridge " + command
                        + " "));
            }
        }
        try (Stream<Path> files = Files.list(home)) {
            assertEquals("nothing was built, unpacked or started", List.of(), files.toList());
        }
        Files.delete(home);
    }

    /** {@code status --json} for scripts: typed, null where nothing is, exit status 3 when the bridge is not running. */
    @Test
    public void statusForScripts() throws Exception {
        Path home = Files.createTempDirectory("rfcbridge-status \"quoted\"");
        String result = ReleaseInstallation.run(List.of("bash", System.getProperty("rfcbridge.launcher", "../rfcbridge"),
                "status", "--json"), Map.of("RFCBRIDGE_HOME", home.toString(), "RFCBRIDGE_HTTP_PORT", "18191"),
                Duration.ofSeconds(30));
        assertTrue(result, result.startsWith("3\n"));
        Map<?, ?> status = (Map<?, ?>) JsonText.parse(result.substring(2));
        assertEquals("./rfcbridge status", status.get("command"));
        assertEquals(1L, ((Number) status.get("version")).longValue());
        assertEquals(Boolean.FALSE, status.get("running"));
        assertTrue("no pid is null: " + status, status.containsKey("pid") && status.get("pid") == null);
        assertEquals(18191L, ((Number) status.get("httpPort")).longValue());
        assertEquals(home.resolve("runtime").toString(), status.get("runtime"));
        Files.delete(home);
    }
}
