package org.rfcbridge.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.rfcbridge.api.RoutingRules;
import org.rfcbridge.shell.internal.completers.DestinationNameCompleter;

/** {@code rfc:route-add}: a routing rule, saved as {@code etc/org.rfcbridge.routing.rule-ID.cfg}. */
@Service
@Command(scope = "rfc", name = "route-add", description = "Adds a routing rule (SAP BC: Add Routing Rule), saved as "
        + "etc/org.rfcbridge.routing.rule-ID.cfg. Example: rfc:route-add tutorial YI3000 MYDESTINATION_000 '*' "
        + "Connection_to_Cloud")
public class RouteAddCommand extends RfcCommand {
    @Reference
    RoutingRules rules;

    @Argument(index = 0, name = "id", description = "The rule's id, also its file name part", required = true)
    String id;

    @Argument(index = 1, name = "sender", description = "System ID and client of the caller, e.g. YI3000; * and ? "
            + "are wildcards", required = true)
    String sender;

    @Argument(index = 2, name = "receiver", description = "The SM59 destination the caller used, e.g. "
            + "MYDESTINATION_000", required = true)
    String receiver;

    @Argument(index = 3, name = "function", description = "Function module pattern (the tutorial's message type), "
            + "e.g. * or BAPI_*", required = true)
    String function;

    @Argument(index = 4, name = "destination", description = "The destination calls go to, e.g. Connection_to_Cloud",
            required = true)
    @Completion(DestinationNameCompleter.class)
    String destination;

    @Option(name = "--order", description = "Rules are tried in ascending order (default 100)")
    int order = 100;

    @Option(name = "--transport", description = "Only RFC is supported")
    String transport = "RFC";

    @Option(name = "--disabled", description = "Add the rule switched off")
    boolean disabled;

    @Option(name = "--functions-allowed", description = "Comma-separated names or patterns that may pass")
    String functionsAllowed = "";

    @Override
    public Object execute() throws CommandException {
        try {
            rules.add(new RoutingRules.Rule(id, order, !disabled, sender, receiver, function, transport, destination,
                    functionsAllowed));
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
        System.out.println("Routing rule " + id + " added: " + sender + " / " + receiver + " / " + function + " -> "
                + transport + " -> " + destination + (disabled ? " (disabled)" : ""));
        return null;
    }
}
