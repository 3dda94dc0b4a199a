package org.rfcbridge.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.rfcbridge.api.DestinationStatus;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcListener;

/** {@code rfc:server-list}: SAP BC's "SAP Servers", CPIC and WebSocket, with their state. */
@Service
@Command(scope = "rfc", name = "server-list", description = "Lists the SAP servers: CPIC servers (on-prem gateways, "
        + "with the state of the listeners registered there) and WebSocket RFC destinations (with state, sessions "
        + "and counters).")
public class ServerListCommand extends ListingCommand {
    @Override
    public Object execute() {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, List<RfcListener>> byServer = new LinkedHashMap<>();
        services(RfcListener.class).stream().filter(l -> !l.server().isEmpty())
                .forEach(l -> byServer.computeIfAbsent(l.server(), s -> new ArrayList<>()).add(l));
        byServer.forEach((server, listeners) -> rows.add(row("name", server, "type", "CPIC", "address",
                listeners.get(0).gateway(), "state", listeners.stream().map(l -> l.name() + " " + l.state())
                        .collect(Collectors.joining(", ")), "sessions", "", "calls", "", "errors", "", "lastError",
                listeners.stream().map(RfcListener::lastError).filter(e -> !e.isEmpty()).findFirst().orElse(""))));
        for (RfcDestination destination : services(RfcDestination.class)) {
            DestinationStatus s = destination.status();
            rows.add(row("name", s.name(), "type", s.kind(), "address", s.address(), "state", s.state().name(),
                    "sessions", new Ratio("open", s.openSessions(), "pool", s.poolSize()), "calls", s.calls(), "errors", s.errors(),
                    "lastError", s.lastError()));
        }
        print(rows, List.of("name", "type", "address", "state", "sessions", "calls", "errors", "lastError"), json,
                "no SAP servers configured");
        return null;
    }
}
