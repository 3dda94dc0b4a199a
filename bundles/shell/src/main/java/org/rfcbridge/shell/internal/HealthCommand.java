package org.rfcbridge.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.rfcbridge.api.BridgeMonitor;

/**
 * {@code rfc:health}: the bridge's health checks, as the health URL answers them; a script gets a non-zero exit
 * status when the URL would answer 503.
 */
@Service
@Command(scope = "rfc", name = "health", description = "The health checks (listeners registered, destinations "
        + "reachable, certificates valid, configurations accepted), as http://HOST:8181/rfcbridge/health shows them.")
public class HealthCommand extends ListingCommand {
    @Override
    public Object execute() throws CommandException {
        BridgeMonitor monitor = services(BridgeMonitor.class).stream().findFirst().orElseThrow(() ->
                new CommandException("The monitoring bundle is not running (feature rfcbridge installs it)"));
        List<BridgeMonitor.Health> checks = monitor.health();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BridgeMonitor.Health check : checks) {
            for (String finding : check.message().isEmpty() ? new String[] {""} : check.message().split("\n")) {
                rows.add(row("check", check.name(), "status", check.status(), "finding", finding));
            }
        }
        print(rows, List.of("check", "status", "finding"), json, "no health checks are registered");
        long failing = checks.stream().filter(c -> !c.serving()).count();
        if (failing > 0) {
            throw new CommandException("RFC Bridge is not healthy: " + failing + " of " + checks.size()
                    + " checks fail (the health URL answers 503)");
        }
        return null;
    }
}
