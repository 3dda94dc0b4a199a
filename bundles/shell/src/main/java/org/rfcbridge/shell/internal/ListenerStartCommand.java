package org.rfcbridge.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.rfcbridge.api.RfcListener;

/** {@code rfc:listener-start NAME}: registers a stopped listener's connections again. */
@Service
@Command(scope = "rfc", name = "listener-start", description = "Starts a stopped listener: its connections register "
        + "at the gateway again. Until the next restart of the bridge or change of its configuration.")
public class ListenerStartCommand extends ListenerCommand {
    @Override
    String act(RfcListener listener) {
        listener.start();
        return "started";
    }
}
