package org.rfcbridge.shell.internal;

import java.util.Optional;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcListener;
import org.rfcbridge.api.trace.TraceDirectory;

/**
 * {@code rfc:trace [--calls N] NAME}: writes the wire records of a listener's or a destination's next calls to
 * trace files, which {@code rfc:trace-list} lists and {@code ./rfcbridge decode} reads.
 */
@Service
@Command(scope = "rfc", name = "trace", description = "Traces the next calls of a listener (its NI records) or a "
        + "destination (its WebSocket messages) into files in data/trace/, passwords blanked; --calls 0 stops.")
public class TraceCommand extends RfcCommand {
    @Argument(name = "name", description = "A listener's or a destination's name", required = true)
    String name;

    @Option(name = "--calls", description = "How many of the next calls (default 10; 0 stops)")
    int calls = 10;

    @Override
    public Object execute() throws CommandException {
        if (calls < 0) {
            throw new CommandException("--calls " + calls + " must be 0 or more");
        }
        Optional<RfcListener> listener = named(RfcListener.class, name, RfcListener::name);
        Optional<RfcDestination> destination = named(RfcDestination.class, name, RfcDestination::name);
        try {
            if (listener.isPresent()) {
                listener.get().traceNextCalls(calls);
            } else if (destination.isPresent()) {
                destination.get().traceNextCalls(calls);
            } else {
                throw new CommandException("No listener or destination named " + name
                        + "; rfc:listener-list and rfc:server-list show them");
            }
        } catch (UnsupportedOperationException | IllegalStateException e) {
            throw new CommandException(e.getMessage());
        }
        System.out.println(calls == 0 ? "Tracing of " + name + " stopped" : "The next " + calls + " calls of " + name
                + " are traced into " + TraceDirectory.ofRuntime().path() + " (rfc:trace-list)");
        return null;
    }
}
