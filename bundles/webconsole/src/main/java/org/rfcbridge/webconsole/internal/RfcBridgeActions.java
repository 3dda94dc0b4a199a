package org.rfcbridge.webconsole.internal;

import java.time.Duration;
import java.util.function.UnaryOperator;

import org.osgi.framework.BundleContext;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.RfcListener;
import org.rfcbridge.api.RoutingRules;
import org.rfcbridge.api.TrustService;
import org.rfcbridge.api.status.LiveServices;

/**
 * What the page's buttons and forms do: SAP BC's Test Connection, listener start and stop, routing rules (add,
 * enable, disable, order, remove) and Reload CA List. Run as the console user, so the audit log names who did it;
 * the CSRF guard and the redirect are the page's ({@link RfcBridgePlugin}).
 */
final class RfcBridgeActions {
    private final BundleContext context;
    private final TrustService trust;
    private final RoutingRules rules;

    RfcBridgeActions(BundleContext context, TrustService trust, RoutingRules rules) {
        this.context = context;
        this.trust = trust;
        this.rules = rules;
    }

    /**
     * Does one action of the page.
     *
     * @param parameters the request's parameters by name (null if absent)
     * @return what the page shows of it
     * @throws IllegalArgumentException what was wrong with the action, in words for the page
     */
    String perform(String action, UnaryOperator<String> parameters) {
        String name = parameters.apply("name");
        String id = parameters.apply("id");
        switch (action) {
            case "test":
                return test(name);
            case "listener-start":
                listener(name).start();
                return "Listener " + name + " started";
            case "listener-stop":
                listener(name).stop();
                return "Listener " + name + " stopped";
            case "route-add":
                rules.add(new RoutingRules.Rule(id, number(parameters.apply("order")), true,
                        parameters.apply("sender"), parameters.apply("receiver"), parameters.apply("function"),
                        "RFC", parameters.apply("destination"), ""));
                return "Routing rule " + id + " added; it takes effect within a second";
            case "route-enable":
            case "route-disable":
                rules.setEnabled(id, action.equals("route-enable"));
                return "Routing rule " + id + (action.equals("route-enable") ? " enabled" : " disabled");
            case "route-order":
                rules.setOrder(id, number(parameters.apply("order")));
                return "Routing rule " + id + " moved to order " + parameters.apply("order");
            case "route-remove":
                rules.remove(id);
                return "Routing rule " + id + " removed";
            case "trust-reload":
                trust.reload();
                return "CA list reloaded: " + trust.certificates().size() + " certificates";
            default:
                throw new IllegalArgumentException("Unknown action " + action);
        }
    }

    private String test(String name) {
        RfcDestination destination = LiveServices.list(context, RfcDestination.class).stream().filter(d -> d.name().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No destination " + name));
        try {
            Duration elapsed = destination.ping();
            return "Test Connection " + name + ": OK in " + Math.round(elapsed.toNanos() / 1e4) / 100.0
                    + " ms (logon and RFC_PING)";
        } catch (RfcException e) {
            return "Test Connection " + name + " failed: " + e.kind() + ": " + e.getMessage();
        }
    }

    private RfcListener listener(String name) {
        return LiveServices.list(context, RfcListener.class).stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No listener " + name));
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Order '" + text + "' is not a number");
        }
    }
}
