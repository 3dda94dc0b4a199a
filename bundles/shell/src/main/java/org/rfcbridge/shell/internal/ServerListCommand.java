package org.rfcbridge.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcListener;
import org.rfcbridge.api.status.StatusRows;

/** {@code rfc:server-list}: SAP BC's "SAP Servers", CPIC and WebSocket, with their state. */
@Service
@Command(scope = "rfc", name = "server-list", description = "Lists the SAP servers: CPIC servers (on-prem gateways, "
        + "with the state of the listeners registered there) and WebSocket RFC destinations (with state, sessions "
        + "and counters).")
public class ServerListCommand extends ListingCommand {
    @Override
    public Object execute() {
        print(StatusRows.servers(services(RfcListener.class), services(RfcDestination.class)), StatusRows.SERVER_KEYS,
                json, "no SAP servers configured");
        return null;
    }
}
