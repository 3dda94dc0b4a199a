package org.rfcbridge.truststore.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns at start about every file in {@code etc/} that holds a secret (a password setting with a value, the
 * users and keys of the console, a key store) and that other users can read, and about a {@code data/}
 * directory they can enter (Config Admin keeps its copies of the configurations there). {@code ./rfcbridge
 * start} runs the runtime with umask 077; an installation started otherwise learns here what to fix.
 */
@Component(immediate = true, service = {})
public final class SecretFileModes {
    private static final Logger LOG = LoggerFactory.getLogger(SecretFileModes.class);
    /** A configuration line that sets a password to something. */
    private static final Pattern PASSWORD_SETTING = Pattern.compile("(?im)^[ \\t]*[\\w.-]*password[ \\t]*[=:][ \\t]*\\S");
    private static final Set<String> SECRET_FILES = Set.of("users.properties", "keys.properties");
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);

    @Activate
    void activate() {
        for (String problem : problems(Path.of(System.getProperty("karaf.etc", "etc")),
                Path.of(System.getProperty("karaf.data", "data")))) {
            LOG.warn("Secret file check: {}", problem);
        }
    }

    /** What other users can read: one text per file, naming it, its mode and the command that fixes it. */
    static List<String> problems(Path etc, Path data) {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.isDirectory(etc) ? Files.list(etc) : Stream.empty()) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(file) && holdsSecret(file) && readableByOthers(file)) {
                    problems.add(file + " holds a secret and other users can read it (" + mode(file) + "): chmod 600 "
                            + file);
                }
            }
            if (Files.isDirectory(data) && readableByOthers(data)) {
                problems.add(data + " holds Config Admin's copies of the configurations and other users can enter it ("
                        + mode(data) + "): chmod -R go-rwx " + data);
            }
        } catch (IOException | UnsupportedOperationException e) {
            problems.add("cannot check the modes of " + etc + " (" + e + ")");
        }
        return problems;
    }

    private static boolean holdsSecret(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (SECRET_FILES.contains(name) || name.endsWith(".p12") || name.endsWith(".jks") || name.endsWith(".pfx")) {
            return true;
        }
        return (name.endsWith(".cfg") || name.endsWith(".config")) && Files.size(file) < 1 << 20
                && PASSWORD_SETTING.matcher(Files.readString(file)).find();
    }

    private static boolean readableByOthers(Path path) throws IOException {
        return Files.getPosixFilePermissions(path).stream().anyMatch(OTHERS::contains);
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
