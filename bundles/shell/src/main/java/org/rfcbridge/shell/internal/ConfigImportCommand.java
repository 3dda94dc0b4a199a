package org.rfcbridge.shell.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/**
 * {@code rfc:config-import FILE}: applies an export of {@code rfc:config-export}, after checking all of it (format,
 * checksum, known PIDs and fields, values of the right type, secrets this runtime has): all of it or nothing.
 */
@Service
@Command(scope = "rfc", name = "config-import", description = "Applies a file of rfc:config-export: creates or "
        + "updates each configuration in it after checking the whole file (checksum, PIDs, fields, types); a secret "
        + "that was not exported keeps this runtime's value. Nothing is changed if anything is wrong.")
public class ConfigImportCommand extends ConfigArchiveCommand {
    /** An export larger than this is not one (a bridge has some dozens of configurations). */
    static final long MAX_BYTES = 16L << 20;

    @Argument(name = "file", description = "A file written by rfc:config-export", required = true)
    String file;

    @Override
    public Object execute() throws CommandException {
        Path source = Path.of(file);
        String text;
        try {
            if (Files.size(source) > MAX_BYTES) {
                throw new CommandException(source + " is larger than " + (MAX_BYTES >> 20) + " MB: not an export");
            }
            text = Files.readString(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandException("Cannot read " + source + ": " + e);
        }
        try {
            for (String line : archive().importArchive(text)) {
                System.out.println(line);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandException(source + ": " + e.getMessage() + "; nothing was changed");
        } catch (IOException e) {
            throw new CommandException("Configuration Admin failed while importing " + source + ": " + e.getMessage());
        }
        return null;
    }
}
