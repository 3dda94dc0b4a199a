package org.rfcbridge.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;
import org.rfcbridge.api.RoutingRules;
import org.rfcbridge.shell.internal.completers.RouteIdCompleter;

/** A command on one existing routing rule, named by its id. */
abstract class RouteCommand extends RfcCommand {
    @Reference
    RoutingRules rules;

    @Argument(index = 0, name = "id", description = "The rule's id (rfc:route-list)", required = true)
    @Completion(RouteIdCompleter.class)
    String id;

    /** Changes the rule and says what was done. */
    abstract String change();

    @Override
    public Object execute() throws CommandException {
        try {
            System.out.println("Routing rule " + id + " " + change());
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage() + "; rfc:route-list shows the rules");
        }
        return null;
    }
}
