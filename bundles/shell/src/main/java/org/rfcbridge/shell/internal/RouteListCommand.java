package org.rfcbridge.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.rfcbridge.api.RoutingRules;
import org.rfcbridge.api.status.StatusRows;

/** {@code rfc:route-list}: SAP BC's "Routing Rules", in the order they are tried. */
@Service
@Command(scope = "rfc", name = "route-list", description = "Lists the routing rules in the order they are tried "
        + "(ascending order; the first enabled match wins). Each is etc/org.rfcbridge.routing.rule-ID.cfg.")
public class RouteListCommand extends ListingCommand {
    @Reference
    RoutingRules rules;

    @Override
    public Object execute() {
        print(StatusRows.rules(rules), StatusRows.RULE_KEYS, json, "no routing rules: every call is refused");
        return null;
    }
}
