package org.rfcbridge.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.rfcbridge.api.DestinationStatus;
import org.rfcbridge.api.ListenerStatistics;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcListener;

/** {@code rfc:stats}: the counters of every listener and destination since it started. */
@Service
@Command(scope = "rfc", name = "stats", description = "Counters of every listener (calls, errors, busy, bytes) and "
        + "destination (calls, errors, sessions) since it started.")
public class StatsCommand extends ListingCommand {
    @Override
    public Object execute() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RfcListener listener : services(RfcListener.class)) {
            ListenerStatistics s = listener.statistics();
            rows.add(row("kind", "listener", "name", listener.name(), "calls", s.calls(), "errors", s.errors(), "busy",
                    s.busy(), "peakBusy", s.peakBusy(), "bytesIn", s.bytesIn(), "bytesOut", s.bytesOut(), "sessions",
                    ""));
        }
        for (RfcDestination destination : services(RfcDestination.class)) {
            DestinationStatus s = destination.status();
            rows.add(row("kind", "destination", "name", s.name(), "calls", s.calls(), "errors", s.errors(), "busy", "",
                    "peakBusy", "", "bytesIn", "", "bytesOut", "", "sessions", new Ratio("open", s.openSessions(), "pool", s.poolSize())));
        }
        print(rows, List.of("kind", "name", "calls", "errors", "busy", "peakBusy", "bytesIn", "bytesOut", "sessions"),
                json, "nothing configured");
        return null;
    }
}
