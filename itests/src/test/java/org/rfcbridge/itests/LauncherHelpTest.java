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

/**
 * Every subcommand of the launcher answers {@code --help} and {@code -h} with its own usage and exit status 0 and
 * does nothing else (issue 22): {@code stop --help} once stopped the bridge. With a home of its own, nothing is
 * built, unpacked, started or stopped: the home stays empty.
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
}
