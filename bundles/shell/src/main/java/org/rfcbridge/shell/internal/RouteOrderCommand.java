package org.rfcbridge.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code rfc:route-order ID ORDER}: moves a rule; rules are tried in ascending order. */
@Service
@Command(scope = "rfc", name = "route-order", description = "Moves a routing rule: rules are tried in ascending order.")
public class RouteOrderCommand extends RouteCommand {
    @Argument(index = 1, name = "order", description = "The new order, e.g. 50", required = true)
    int order;

    @Override
    String change() {
        rules.setOrder(id, order);
        return "moved to order " + order;
    }
}
