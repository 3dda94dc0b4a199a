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
 * status when the URL would answer 503, and also while no check is registered yet (the bridge is starting: the URL
 * then answers 200 without results, which {@code bin/rfcbridge health} does not count as health either).
 */
@Service
@Command(scope = "rfc", name = "health", description = "The health checks (listeners registered, destinations "
        + "reachable, certificates valid, configurations accepted), as the health URL /rfcbridge/health shows them.")
public class HealthCommand extends ListingCommand {
    /** What the command says, and fails with, before any check is registered. */
    private static final String STARTING = "RFC Bridge is still starting: none of its health checks is registered yet";

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
        print(rows, List.of("check", "status", "finding"), json, STARTING);
        if (checks.isEmpty()) {
            throw new CommandException(STARTING);
        }
        long failing = checks.stream().filter(c -> !c.serving()).count();
        if (failing > 0) {
            throw new CommandException("RFC Bridge is not healthy: " + failing + " of " + checks.size()
                    + " checks fail (the health URL answers 503)");
        }
        return null;
    }
}
