package org.rfcbridge.routing.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The enabled rules in the order they are tried, and a bounded memo of recent lookups, so that the
 * cost of routing does not grow with the number of calls: a repeated (sender, receiver, function)
 * is one hash lookup; a new one scans the compiled rules once. A table never changes; configuration
 * changes build a new one.
 */
final class RoutingTable {
    /** Most remembered lookups before the memo starts over. */
    static final int MEMO_SIZE = 10_000;
    private static final int NO_MATCH = -1;

    private final RoutingRule[] rules;
    private final Map<String, Integer> memo = new ConcurrentHashMap<>();

    RoutingTable(List<RoutingRule> configured) {
        List<RoutingRule> sorted = new ArrayList<>(configured);
        sorted.sort(Comparator.comparingInt(RoutingRule::order).thenComparing(RoutingRule::name));
        this.rules = sorted.toArray(new RoutingRule[0]);
    }

    /** Every rule, enabled or not, in order. */
    List<RoutingRule> rules() {
        return List.of(rules);
    }

    /** The first enabled rule that matches, or {@code null}. Names must be upper case. */
    RoutingRule match(String sender, String receiver, String function) {
        String key = sender + '\u0000' + receiver + '\u0000' + function;
        Integer index = memo.get(key);
        if (index == null) {
            index = scan(sender, receiver, function);
            if (memo.size() >= MEMO_SIZE) {
                memo.clear();
            }
            memo.put(key, index);
        }
        return index == NO_MATCH ? null : rules[index];
    }

    private int scan(String sender, String receiver, String function) {
        for (int i = 0; i < rules.length; i++) {
            if (rules[i].matches(sender, receiver, function)) {
                return i;
            }
        }
        return NO_MATCH;
    }
}
