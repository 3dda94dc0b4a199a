package org.rfcbridge.routing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rfcbridge.api.ExampleValues;

/**
 * One compiled routing rule: sender, receiver and function patterns, the destination, order, and an
 * optional allowlist of function patterns. Built whole or not at all: {@link #compile} either returns
 * a rule or throws naming the field that is wrong.
 *
 * @param name        the rule's name (from the configuration, e.g. {@code default} for
 *                    {@code org.rfcbridge.routing.rule-default.cfg})
 * @param pid         the configuration PID, for messages
 * @param order       rules are tried in ascending order (then by name)
 * @param enabled     disabled rules are kept but never match
 * @param destination the target destination's name
 */
record RoutingRule(String name, String pid, int order, boolean enabled, NamePattern sender, NamePattern receiver,
                   NamePattern function, String transport, String destination, List<NamePattern> allowed) {
    /** The only transport so far. */
    static final String RFC = "RFC";

    /** The fields as configured, before checking. */
    record Spec(String sender, String receiver, String function, String transport, String destination, boolean enabled,
                int order, String[] functionsAllowed) {
    }

    /**
     * Checks and compiles a rule.
     *
     * @throws InvalidRuleException naming the field and the problem
     */
    static RoutingRule compile(String name, String pid, Spec spec) throws InvalidRuleException {
        for (String[] field : new String[][] {{"sender", spec.sender()}, {"receiver", spec.receiver()},
            {"function", spec.function()}, {"destination", spec.destination()}}) {
            try {
                ExampleValues.refusePlaceholder(field[0], field[1]);
            } catch (IllegalArgumentException e) {
                throw new InvalidRuleException(field[0], e.getMessage().substring(("field " + field[0] + " ").length()));
            }
        }
        NamePattern sender = pattern("sender", spec.sender());
        NamePattern receiver = pattern("receiver", spec.receiver());
        NamePattern function = pattern("function", spec.function());
        String transport = spec.transport() == null ? "" : spec.transport().trim().toUpperCase(Locale.ROOT);
        if (!transport.equals(RFC)) {
            throw new InvalidRuleException("transport", "'" + spec.transport() + "' is not a known transport (RFC)");
        }
        String destination = spec.destination() == null ? "" : spec.destination().trim();
        if (destination.isEmpty()) {
            throw new InvalidRuleException("destination", "is empty; name the destination calls go to, e.g. "
                    + "Connection_to_Cloud");
        }
        List<NamePattern> allowed = new ArrayList<>();
        for (String entry : spec.functionsAllowed() == null ? new String[0] : spec.functionsAllowed()) {
            for (String item : entry.split(",")) {
                if (!item.isBlank()) {
                    allowed.add(pattern("functions.allowed", item));
                }
            }
        }
        return new RoutingRule(name, pid, spec.order(), spec.enabled(), sender, receiver, function, transport,
                destination, List.copyOf(allowed));
    }

    private static NamePattern pattern(String field, String text) throws InvalidRuleException {
        try {
            return NamePattern.compile(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException(field, e.getMessage());
        }
    }

    /** True if the rule is enabled and its three patterns match the (upper-case) call. */
    boolean matches(String upperSender, String upperReceiver, String upperFunction) {
        return enabled && sender.matches(upperSender) && receiver.matches(upperReceiver) && function.matches(upperFunction);
    }

    /** True if the function is allowed (no allowlist allows every function the rule matches). */
    boolean allows(String upperFunction) {
        if (allowed.isEmpty()) {
            return true;
        }
        for (NamePattern pattern : allowed) {
            if (pattern.matches(upperFunction)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name + ": " + sender + " / " + receiver + " / " + function + " -> " + transport + " -> " + destination
                + (enabled ? "" : " (disabled)");
    }

    /** A field of a rule's configuration that cannot be used. */
    static final class InvalidRuleException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String field;

        InvalidRuleException(String field, String problem) {
            super("field " + field + " " + problem);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
