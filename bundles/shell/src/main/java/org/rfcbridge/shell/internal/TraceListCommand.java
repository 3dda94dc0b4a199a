package org.rfcbridge.shell.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.rfcbridge.api.trace.TraceDirectory;

/** {@code rfc:trace-list}: the trace files in {@code data/trace/}, oldest first. */
@Service
@Command(scope = "rfc", name = "trace-list", description = "The trace files in data/trace/, oldest first: send them "
        + "with a support case; ./rfcbridge decode FILE shows what they hold.")
public class TraceListCommand extends ListingCommand {
    @Override
    public Object execute() throws CommandException {
        TraceDirectory traces = TraceDirectory.ofRuntime();
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            for (TraceDirectory.Entry entry : traces.list()) {
                rows.add(row("file", entry.name(), "bytes", entry.bytes(), "modified", entry.modified().toString()));
            }
        } catch (IOException e) {
            throw new CommandException("Cannot list " + traces.path() + ": " + e.getMessage());
        }
        print(rows, List.of("file", "bytes", "modified"), json, "no traces in " + traces.path());
        return null;
    }
}
