package org.rfcbridge.routing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.CallContext;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.simulators.samples.SampleDestination;

/** The router as SAP BC's routing rules behave, plus the allowlist SAP BC lacks. */
class CallRouterTest {
    private final CallRouterComponent router = new CallRouterComponent();
    private final RfcDestination cloud = destination("Connection_to_Cloud");
    private final RfcDestination other = destination("Other_Cloud");

    /** A destination: routing only looks at its name. */
    static RfcDestination destination(String name) {
        return new SampleDestination(name, "CLD");
    }

    /** A rule component activated with the given configuration values, as SCR would. */
    static RoutingRuleComponent rule(String fileName, Map<String, Object> values) {
        RoutingRuleComponent component = new RoutingRuleComponent();
        Map<String, Object> properties = new HashMap<>(values);
        properties.put("felix.fileinstall.filename", "file:/opt/karaf/etc/" + fileName);
        properties.put("service.pid", "org.rfcbridge.routing.rule~" + fileName.replace(".cfg", ""));
        component.activate(config(values), properties);
        return component;
    }

    private static RoutingRuleConfig config(Map<String, Object> v) {
        return new RoutingRuleConfig() {
            @Override public Class<? extends Annotation> annotationType() { return RoutingRuleConfig.class; }
            @Override public String name() { return (String) v.getOrDefault("name", ""); }
            @Override public String sender() { return (String) v.getOrDefault("sender", "*"); }
            @Override public String receiver() { return (String) v.getOrDefault("receiver", "*"); }
            @Override public String function() { return (String) v.getOrDefault("function", "*"); }
            @Override public String transport() { return (String) v.getOrDefault("transport", "RFC"); }
            @Override public String destination() { return (String) v.get("destination"); }
            @Override public boolean enabled() { return (Boolean) v.getOrDefault("enabled", true); }
            @Override public int order() { return (Integer) v.getOrDefault("order", 100); }
            @Override public String[] functions_allowed() { return (String[]) v.getOrDefault("functions.allowed", new String[0]); }
            @Override public String webconsole_configurationFactory_nameHint() { return ""; }
        };
    }

    private static CallContext call(String sid, String client, String receiver, String function) {
        return new CallContext(sid, client, receiver, function, "DEVELOPER", "E");
    }

    @Test
    void theTutorialsRuleRoutesEveryFunctionFromYi3000() throws Exception {
        router.addDestination(cloud);
        router.addRule(rule("org.rfcbridge.routing.rule-tutorial.cfg", Map.of("sender", "YI3000",
                "receiver", "MYDESTINATION_000", "function", "*", "destination", "Connection_to_Cloud")));
        assertSame(cloud, router.route(call("YI3", "000", "MYDESTINATION_000", "STFC_CONNECTION")));
        assertSame(cloud, router.route(call("yi3", "000", "mydestination_000", "stfc_changing")));
        SystemFailureException wrongClient = assertThrows(SystemFailureException.class,
                () -> router.route(call("YI3", "100", "MYDESTINATION_000", "STFC_CONNECTION")));
        assertEquals("No routing rule matches sender YI3100, receiver MYDESTINATION_000 and function STFC_CONNECTION; "
                + "add a rule for them (rfc:route-add or etc/org.rfcbridge.routing.rule-NAME.cfg)", wrongClient.getMessage());
    }

    @Test
    void theFirstEnabledRuleInOrderWins() throws Exception {
        router.addDestination(cloud);
        router.addDestination(other);
        router.addRule(rule("org.rfcbridge.routing.rule-b.cfg", Map.of("function", "STFC_*", "order", 20,
                "destination", "Other_Cloud")));
        router.addRule(rule("org.rfcbridge.routing.rule-a.cfg", Map.of("order", 10, "destination", "Connection_to_Cloud",
                "function", "BAPI_?_X")));
        router.addRule(rule("org.rfcbridge.routing.rule-c.cfg", Map.of("order", 5, "enabled", false,
                "destination", "Connection_to_Cloud")));
        assertSame(other, router.route(call("YI3", "000", "ANY", "STFC_CONNECTION")));
        assertSame(cloud, router.route(call("YI3", "000", "ANY", "BAPI_A_X")));
        assertEquals("b", router.routeNamingTheRule(call("YI3", "000", "ANY", "STFC_CONNECTION")).rule());
        assertEquals("a", router.routeNamingTheRule(call("YI3", "000", "ANY", "BAPI_A_X")).rule());
        assertThrows(SystemFailureException.class, () -> router.route(call("YI3", "000", "ANY", "BAPI_AB_X")));
        assertEquals(List.of("c", "a", "b"), router.rules().stream().map(RoutingRule::name).toList());
    }

    @Test
    void rulesChangeForTheNextCallWithoutARestart() throws Exception {
        router.addDestination(cloud);
        RoutingRuleComponent first = rule("org.rfcbridge.routing.rule-r.cfg", Map.of("destination", "Connection_to_Cloud"));
        router.addRule(first);
        assertSame(cloud, router.route(call("YI3", "000", "X", "F")));
        // a changed configuration re-activates the component: the old one goes, the new one comes
        router.removeRule(first);
        router.addRule(rule("org.rfcbridge.routing.rule-r.cfg", Map.of("destination", "Connection_to_Cloud",
                "enabled", false)));
        assertThrows(SystemFailureException.class, () -> router.route(call("YI3", "000", "X", "F")));
    }

    @Test
    void theAllowlistRefusesOtherFunctionsNamingTheRule() throws Exception {
        router.addDestination(cloud);
        router.addRule(rule("org.rfcbridge.routing.rule-guarded.cfg", Map.of("destination", "Connection_to_Cloud",
                "functions.allowed", new String[] {"STFC_CONNECTION", "BAPI_FLIGHT_*"})));
        assertSame(cloud, router.route(call("YI3", "000", "D", "STFC_CONNECTION")));
        assertSame(cloud, router.route(call("YI3", "000", "D", "BAPI_FLIGHT_GETLIST")));
        SystemFailureException refused = assertThrows(SystemFailureException.class,
                () -> router.route(call("YI3", "000", "D", "RFC_READ_TABLE")));
        assertEquals("Routing rule guarded does not allow function RFC_READ_TABLE (allowed: [STFC_CONNECTION, "
                + "BAPI_FLIGHT_*]); sender YI3000, receiver D", refused.getMessage());
    }

    @Test
    void aMissingDestinationIsNamedNotANullPointer() throws Exception {
        router.addRule(rule("org.rfcbridge.routing.rule-r.cfg", Map.of("destination", "Connection_to_Cloud")));
        SystemFailureException missing = assertThrows(SystemFailureException.class,
                () -> router.route(call("YI3", "000", "D", "STFC_CONNECTION")));
        assertEquals("Routing rule r sends function STFC_CONNECTION to destination Connection_to_Cloud, which does not "
                + "exist (yet): configure org.rfcbridge.wsrfc.destination with name=Connection_to_Cloud", missing.getMessage());
        router.addDestination(cloud);
        assertSame(cloud, router.route(call("YI3", "000", "D", "STFC_CONNECTION")));
        router.removeDestination(cloud);
        assertThrows(SystemFailureException.class, () -> router.route(call("YI3", "000", "D", "STFC_CONNECTION")));
    }

    @Test
    void invalidRulesAreIgnoredWhole() {
        assertNull(rule("org.rfcbridge.routing.rule-x.cfg", Map.of()).rule(), "no destination");
        assertNull(rule("org.rfcbridge.routing.rule-x.cfg", Map.of("destination", "D", "transport", "SOAP")).rule());
        assertNull(rule("org.rfcbridge.routing.rule-x.cfg", Map.of("destination", "D", "sender", "YI3 000")).rule());
        assertNull(rule("org.rfcbridge.routing.rule-x.cfg", Map.of("destination", "D", "function", "")).rule());
        assertNull(rule("org.rfcbridge.routing.rule-x.cfg", Map.of("destination", "D",
                "functions.allowed", new String[] {"OK", "NOT OK"})).rule());
        router.addRule(rule("org.rfcbridge.routing.rule-x.cfg", Map.of("destination", "D", "transport", "SOAP")));
        assertTrue(router.rules().isEmpty(), "an invalid rule never reaches the table");
    }

    @Test
    void invalidRulesNameTheirField() {
        RoutingRule.InvalidRuleException e = assertThrows(RoutingRule.InvalidRuleException.class,
                () -> RoutingRule.compile("x", "pid", new RoutingRule.Spec("*", "*", "*", "SOAP", "D", true, 1, null)));
        assertEquals("transport", e.field());
        assertEquals("field transport 'SOAP' is not a known transport (RFC)", e.getMessage());
        e = assertThrows(RoutingRule.InvalidRuleException.class,
                () -> RoutingRule.compile("x", "pid", new RoutingRule.Spec("*", "*", "*", "RFC", " ", true, 1, null)));
        assertEquals("destination", e.field());
    }

    @Test
    void ruleNamesComeFromTheFileOrThePid() {
        assertEquals("tutorial", RoutingRuleComponent.nameOf("org.rfcbridge.routing.rule~tutorial", Map.of()));
        assertEquals("fromfile", RoutingRuleComponent.nameOf("x", Map.of("felix.fileinstall.filename",
                "file:/k/etc/org.rfcbridge.routing.rule-fromfile.cfg")));
        assertEquals("rule", rule("org.rfcbridge.routing.rule-file.cfg", Map.of("name", "rule", "destination", "D"))
                .rule().name());
    }

    @Test
    void lookupsAreRememberedAndTheMemoIsBounded() {
        RoutingTable table = new RoutingTable(List.of());
        for (int i = 0; i < RoutingTable.MEMO_SIZE * 2 + 3; i++) {
            assertNull(table.match("S", "R", "F" + i));
        }
    }
}
