package org.rfcbridge.shell.internal.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.rfcbridge.api.RoutingRules;
import org.rfcbridge.api.status.LiveServices;

/** Completes routing rule ids. */
@Service
public class RouteIdCompleter extends NameCompleter {
    @Override
    List<String> names() {
        return LiveServices.list(bundleContext, RoutingRules.class).stream().flatMap(r -> r.list().stream())
                .map(RoutingRules.Rule::id).toList();
    }
}
