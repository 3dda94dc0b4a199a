package org.rfcbridge.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code rfc:route-enable ID}. */
@Service
@Command(scope = "rfc", name = "route-enable", description = "Switches a routing rule on.")
public class RouteEnableCommand extends RouteCommand {
    @Override
    String change() {
        rules.setEnabled(id, true);
        return "enabled";
    }
}
