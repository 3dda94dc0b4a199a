package org.rfcbridge.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code rfc:route-disable ID}. */
@Service
@Command(scope = "rfc", name = "route-disable", description = "Switches a routing rule off; it stays in etc/ and in rfc:route-list.")
public class RouteDisableCommand extends RouteCommand {
    @Override
    String change() {
        rules.setEnabled(id, false);
        return "disabled";
    }
}
