package org.rfcbridge.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.rfcbridge.api.RoutingRules;

/** {@code rfc:route-list}: SAP BC's "Routing Rules", in the order they are tried. */
@Service
@Command(scope = "rfc", name = "route-list", description = "Lists the routing rules in the order they are tried "
        + "(ascending order; the first enabled match wins). Each is etc/org.rfcbridge.routing.rule-ID.cfg.")
public class RouteListCommand extends ListingCommand {
    @Reference
    RoutingRules rules;

    @Override
    public Object execute() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RoutingRules.Rule r : rules.list()) {
            rows.add(row("id", r.id(), "order", r.order(), "enabled", r.enabled(), "sender", r.sender(), "receiver",
                    r.receiver(), "function", r.function(), "transport", r.transport(), "destination", r.destination(),
                    "functionsAllowed", r.functionsAllowed()));
        }
        print(rows, List.of("id", "order", "enabled", "sender", "receiver", "function", "transport", "destination",
                "functionsAllowed"), json, "no routing rules: every call is refused");
        return null;
    }
}
