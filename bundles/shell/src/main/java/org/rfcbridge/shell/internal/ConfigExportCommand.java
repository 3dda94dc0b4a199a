package org.rfcbridge.shell.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.rfcbridge.api.json.JsonText;

/**
 * {@code rfc:config-export [--digest] [FILE]}: every {@code org.rfcbridge} configuration as one JSON file (secrets
 * as references, never values), or only its digest, which two nodes of a pair compare.
 */
@Service
@Command(scope = "rfc", name = "config-export", description = "Writes every RFC Bridge configuration into one file "
        + "(printed without FILE), secrets as references or '(not exported)', never their values; --digest prints "
        + "only the checksum, to compare two nodes.")
public class ConfigExportCommand extends ConfigArchiveCommand {
    @Argument(name = "file", description = "Where to write the export (readable by its owner only)")
    String file;

    @Option(name = "--digest", description = "Print only the SHA-256 of the configurations")
    boolean digest;

    @Override
    public Object execute() throws CommandException {
        Map<String, Object> export;
        try {
            export = archive().export();
        } catch (IOException e) {
            throw new CommandException("Configuration Admin cannot list the configurations: " + e.getMessage());
        }
        if (digest) {
            System.out.println(export.get("sha256"));
            return null;
        }
        String text = JsonText.writePretty(export) + "\n";
        if (file == null) {
            System.out.print(text);
            return null;
        }
        Path target = Path.of(file);
        try {
            Files.deleteIfExists(target);
            Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException | UnsupportedOperationException e) {
            throw new CommandException("Cannot write " + target + ": " + e);
        }
        System.out.println("Exported " + ((List<?>) export.get("configurations")).size()
                + " configurations to " + target.toAbsolutePath() + " (sha256 " + export.get("sha256") + ")");
        return null;
    }
}
