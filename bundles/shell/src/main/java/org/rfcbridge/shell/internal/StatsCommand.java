package org.rfcbridge.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcListener;
import org.rfcbridge.api.status.StatusRows;

/** {@code rfc:stats}: the counters of every listener and destination since it started. */
@Service
@Command(scope = "rfc", name = "stats", description = "Counters of every listener (calls, errors, busy, bytes) and "
        + "destination (calls, errors, sessions) since it started.")
public class StatsCommand extends ListingCommand {
    @Override
    public Object execute() {
        print(StatusRows.counters(services(RfcListener.class), services(RfcDestination.class)),
                StatusRows.COUNTER_KEYS, json, "nothing configured");
        return null;
    }
}
