package org.rfcbridge.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.rfcbridge.api.RfcListener;

/** {@code rfc:listener-stop NAME}: unregisters a listener's connections; calls in flight finish first. */
@Service
@Command(scope = "rfc", name = "listener-stop", description = "Stops a listener: its connections leave the gateway "
        + "after the calls in flight. Until rfc:listener-start, a restart of the bridge or a change of its configuration.")
public class ListenerStopCommand extends ListenerCommand {
    @Override
    String act(RfcListener listener) {
        listener.stop();
        return "stopped";
    }
}
