package org.rfcbridge.shell.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.RfcListener;
import org.rfcbridge.api.status.Ratio;
import org.rfcbridge.shell.internal.completers.ServerNameCompleter;

/**
 * {@code rfc:server-test NAME}: SAP BC's "Test Connection". A WebSocket destination logs on and calls
 * RFC_PING; a CPIC server is as good as its listeners' registrations at its gateway (the on-prem
 * system logs on when it calls, so SM59's connection test is the end-to-end check).
 */
@Service
@Command(scope = "rfc", name = "server-test", description = "Tests a SAP server: logon and RFC_PING for a WebSocket "
        + "destination, the listeners' gateway registrations for a CPIC server. Non-zero exit status on failure.")
public class ServerTestCommand extends ListingCommand {
    @Argument(name = "name", description = "The server's name, e.g. Connection_to_Cloud", required = true)
    @Completion(ServerNameCompleter.class)
    String name;

    @Override
    public Object execute() throws CommandException {
        Optional<RfcDestination> destination = named(RfcDestination.class, name, RfcDestination::name);
        if (destination.isPresent()) {
            try {
                Duration elapsed = destination.get().ping();
                printObject(row("server", name, "result", "OK", "elapsedMs", Math.round(elapsed.toNanos() / 1e4) / 100.0,
                        "test", "logon and RFC_PING"), json);
                return null;
            } catch (RfcException e) {
                printObject(row("server", name, "result", "FAILED", "error", e.kind().name(), "message",
                        e.getMessage()), json);
                throw new CommandException("Test connection of " + name + " failed: " + e.kind() + ": "
                        + e.getMessage());
            }
        }
        List<RfcListener> listeners = services(RfcListener.class).stream().filter(l -> l.server().equals(name))
                .toList();
        if (listeners.isEmpty()) {
            throw new CommandException("No SAP server named " + name + " (no destination, and no listener registers "
                    + "at a CPIC server of that name); rfc:server-list shows them");
        }
        long alive = listeners.stream().flatMap(l -> l.connections().stream())
                .filter(c -> c.state() == ConnectionState.ALIVE || c.state() == ConnectionState.BUSY).count();
        long total = listeners.stream().mapToLong(l -> l.connections().size()).sum();
        if (alive == 0) {
            String reason = listeners.stream()
                    .map(l -> l.name() + ": " + (l.lastError().isEmpty() ? l.state().name() : l.lastError()))
                    .reduce((a, b) -> a + "; " + b).orElse("");
            printObject(row("server", name, "result", "FAILED", "message", reason), json);
            throw new CommandException("Test connection of " + name + " failed: no connection registered at its "
                    + "gateway: " + reason);
        }
        printObject(row("server", name, "result", "OK", "registered",
                new Ratio("registered", alive, "configured", total),
                "test", "registrations at the gateway; run SM59's connection test for the whole path"), json);
        return null;
    }
}
