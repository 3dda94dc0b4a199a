package org.rfcbridge.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/** {@code rfc:listener-start NAME}: registers a stopped listener's connections again. */
@Service
@Command(scope = "rfc", name = "listener-start", description = "Starts a stopped listener: its connections register "
        + "at the gateway again. Until the next restart of the bridge or change of its configuration.")
public class ListenerStartCommand extends RfcCommand {
    @Argument(name = "name", description = "The listener's name", required = true)
    @Completion(ListenerNameCompleter.class)
    String name;

    @Override
    public Object execute() throws CommandException {
        listener(name).start();
        System.out.println("Listener " + name + " started");
        return null;
    }
}
