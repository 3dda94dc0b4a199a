package org.rfcbridge.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Looks for passwords where none may appear: logs and command output of a run. */
final class SecretScan {
    private SecretScan() {
    }

    /**
     * The values of {@code password = ...} and {@code something.password = ...} lines (configuration
     * files, the launcher's credentials file); empty values are no secrets.
     */
    static List<String> passwordValues(List<String> lines) {
        List<String> values = new ArrayList<>();
        for (String line : lines) {
            int equals = line.indexOf('=');
            if (line.startsWith("#") || equals < 0) {
                continue;
            }
            String key = line.substring(0, equals).trim();
            String value = line.substring(equals + 1).trim();
            if ((key.equals("password") || key.endsWith(".password")) && !value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }

    /** The names of the files that hold any of the secrets (read as bytes, whatever their encoding). */
    static List<String> filesHolding(List<String> secrets, List<Path> files) throws IOException {
        List<String> holding = new ArrayList<>();
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            if (secrets.stream().anyMatch(text::contains)) {
                holding.add(file.getFileName().toString());
            }
        }
        return holding;
    }
}
