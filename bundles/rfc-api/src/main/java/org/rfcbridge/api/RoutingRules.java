package org.rfcbridge.api;

import java.util.List;

/**
 * The routing rules as an administrator edits them (console and web console). Each rule is a file
 * {@code etc/org.rfcbridge.routing.rule-ID.cfg}, so what these methods change is what the files say.
 */
public interface RoutingRules {
    /**
     * One rule.
     *
     * @param id               its id, the file name part
     * @param order            rules are tried in ascending order
     * @param enabled          whether it takes part
     * @param sender           system ID and client of the caller, e.g. {@code YI3000}; {@code *} and {@code ?} are wildcards
     * @param receiver         the SM59 destination the caller used, e.g. {@code MYDESTINATION_000}
     * @param function         the function module pattern (the tutorial's message type)
     * @param transport        {@code RFC}
     * @param destination      where matching calls go, e.g. {@code Connection_to_Cloud}
     * @param functionsAllowed names or patterns that may pass, comma-separated; empty for all
     */
    record Rule(String id, int order, boolean enabled, String sender, String receiver, String function,
                String transport, String destination, String functionsAllowed) {
    }

    /** The rules in the order they are tried. */
    List<Rule> list();

    /**
     * The rule configurations that are ignored because a field cannot be used, each as
     * "name (PID): field ... problem"; empty when every rule is accepted.
     */
    default List<String> rejected() {
        return List.of();
    }

    /**
     * Adds a rule; it takes effect within the file watcher's poll interval (a second).
     *
     * @throws IllegalArgumentException if the id is taken or cannot be a file name, or a field is empty
     */
    void add(Rule rule);

    /** Switches a rule on or off. @throws IllegalArgumentException if there is no such rule */
    void setEnabled(String id, boolean enabled);

    /** Moves a rule. @throws IllegalArgumentException if there is no such rule */
    void setOrder(String id, int order);

    /** Removes a rule and its file. @throws IllegalArgumentException if there is no such rule */
    void remove(String id);
}
