package org.rfcbridge.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.support.CommandException;
import org.rfcbridge.api.RfcListener;
import org.rfcbridge.shell.internal.completers.ListenerNameCompleter;

/** A command on one listener, named by its name. */
abstract class ListenerCommand extends RfcCommand {
    @Argument(name = "name", description = "The listener's name", required = true)
    @Completion(ListenerNameCompleter.class)
    String name;

    /** Acts on the listener and says what was done. */
    abstract String act(RfcListener listener);

    @Override
    public Object execute() throws CommandException {
        System.out.println("Listener " + name + " " + act(listener(name)));
        return null;
    }
}
