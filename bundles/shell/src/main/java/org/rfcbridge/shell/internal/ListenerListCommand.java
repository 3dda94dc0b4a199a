package org.rfcbridge.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.rfcbridge.api.RfcListener;
import org.rfcbridge.api.status.StatusRows;

/** {@code rfc:listener-list}: SAP BC's "Listeners" with Program ID, connections, state and counters. */
@Service
@Command(scope = "rfc", name = "listener-list", description = "Lists the listeners (registered server programs): "
        + "Program ID, connections registered, state, busy/peak, calls, errors and the last error.")
public class ListenerListCommand extends ListingCommand {
    @Override
    public Object execute() {
        print(StatusRows.listeners(services(RfcListener.class)), StatusRows.LISTENER_KEYS, json,
                "no listeners configured");
        return null;
    }
}
