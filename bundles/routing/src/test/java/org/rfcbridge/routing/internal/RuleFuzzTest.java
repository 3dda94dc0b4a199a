package org.rfcbridge.routing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Whatever a rule file says, a rule is compiled whole or refused naming its field; nothing else
 * escapes, and a compiled rule answers any name without failing. 1,000 tries per build; more with
 * {@code -Djqwik.tries.default=N}.
 */
class RuleFuzzTest {
    @Property
    void anyRuleIsCompiledOrRefusedNamingItsField(@ForAll String sender, @ForAll String receiver,
            @ForAll String function, @ForAll String transport, @ForAll String destination, @ForAll int order,
            @ForAll String[] allowed, @ForAll String caller) {
        try {
            RoutingRule rule = RoutingRule.compile("fuzz", "org.rfcbridge.routing.rule~fuzz", new RoutingRule.Spec(
                    sender, receiver, function, transport, destination, true, order, allowed));
            assertFalse(rule.destination().isBlank());
            rule.sender().matches(caller.toUpperCase());
            rule.function().matches(caller.toUpperCase());
        } catch (RoutingRule.InvalidRuleException e) {
            assertTrue(e.getMessage().startsWith("field " + e.field() + " "), e.getMessage());
        }
    }

    @org.junit.jupiter.api.Test
    void theReleasesExampleCopiedUnchangedIsRefusedNamingTheField() {
        RoutingRule.InvalidRuleException e = org.junit.jupiter.api.Assertions.assertThrows(
                RoutingRule.InvalidRuleException.class, () -> RoutingRule.compile("tutorial",
                        "org.rfcbridge.routing.rule~tutorial", new RoutingRule.Spec("ENTER-SID-AND-CLIENT",
                                "MYDESTINATION_000", "*", "RFC", "Connection_to_Cloud", true, 100, null)));
        assertEquals("sender", e.field());
        assertTrue(e.getMessage().startsWith("field sender still holds the example's placeholder"), e.getMessage());
    }
}
