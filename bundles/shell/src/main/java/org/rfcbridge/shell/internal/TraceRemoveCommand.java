package org.rfcbridge.shell.internal;

import java.io.IOException;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.rfcbridge.api.trace.TraceDirectory;

/** {@code rfc:trace-remove FILE... | --all}: removes trace files. */
@Service
@Command(scope = "rfc", name = "trace-remove", description = "Removes trace files from data/trace/ (names as "
        + "rfc:trace-list shows them), or all of them with --all.")
public class TraceRemoveCommand extends RfcCommand {
    @Argument(name = "files", description = "Trace file names", multiValued = true)
    List<String> files = List.of();

    @Option(name = "--all", description = "Every trace file")
    boolean all;

    @Override
    public Object execute() throws CommandException {
        TraceDirectory traces = TraceDirectory.ofRuntime();
        try {
            List<String> names = all ? traces.list().stream().map(TraceDirectory.Entry::name).toList() : files;
            if (names.isEmpty() && !all) {
                throw new CommandException("Name the trace files to remove (rfc:trace-list) or give --all");
            }
            for (String name : names) {
                traces.remove(name);
            }
            System.out.println("Removed " + names.size() + " trace files");
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        } catch (IOException e) {
            throw new CommandException("Cannot remove from " + traces.path() + ": " + e.getMessage());
        }
        return null;
    }
}
