package org.rfcbridge.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.ListenerStatistics;
import org.rfcbridge.api.RfcListener;

/** {@code rfc:listener-list}: SAP BC's "Listeners" with Program ID, connections, state and counters. */
@Service
@Command(scope = "rfc", name = "listener-list", description = "Lists the listeners (registered server programs): "
        + "Program ID, connections registered, state, busy/peak, calls, errors and the last error.")
public class ListenerListCommand extends ListingCommand {
    @Override
    public Object execute() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RfcListener listener : services(RfcListener.class)) {
            ListenerStatistics s = listener.statistics();
            long alive = listener.connections().stream()
                    .filter(c -> c.state() == ConnectionState.ALIVE || c.state() == ConnectionState.BUSY).count();
            rows.add(row("name", listener.name(), "programId", listener.programId(), "connections", new Ratio("registered",
                    alive, "configured", listener.connections().size()), "state", listener.state().name(), "busy",
                    new Ratio("busy", s.busy(), "peak", s.peakBusy()), "calls", s.calls(), "errors", s.errors(), "lastError", listener.lastError()));
        }
        print(rows, List.of("name", "programId", "connections", "state", "busy", "calls", "errors", "lastError"), json,
                "no listeners configured");
        return null;
    }
}
