package org.rfcbridge.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/** {@code rfc:listener-stop NAME}: unregisters a listener's connections; calls in flight finish first. */
@Service
@Command(scope = "rfc", name = "listener-stop", description = "Stops a listener: its connections leave the gateway "
        + "after the calls in flight. Until rfc:listener-start, a restart of the bridge or a change of its configuration.")
public class ListenerStopCommand extends RfcCommand {
    @Argument(name = "name", description = "The listener's name", required = true)
    @Completion(ListenerNameCompleter.class)
    String name;

    @Override
    public Object execute() throws CommandException {
        listener(name).stop();
        System.out.println("Listener " + name + " stopped");
        return null;
    }
}
