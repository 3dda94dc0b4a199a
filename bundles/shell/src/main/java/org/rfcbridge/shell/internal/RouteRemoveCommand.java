package org.rfcbridge.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code rfc:route-remove ID}. */
@Service
@Command(scope = "rfc", name = "route-remove", description = "Removes a routing rule and its file in etc/.")
public class RouteRemoveCommand extends RouteCommand {
    @Override
    String change() {
        rules.remove(id);
        return "removed";
    }
}
