package org.rfcbridge.routing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.rfcbridge.api.CallContext;
import org.rfcbridge.api.CallRouter;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.SystemFailureException;

/**
 * The {@link CallRouter}: the first enabled rule, in order, whose sender, receiver and function
 * match. Rules and destinations come and go as services; each change of the rules builds a new
 * routing table for the next call, without a restart. Every refusal is a SYSTEM_FAILURE whose text
 * says what to do.
 */
@Component(name = "org.rfcbridge.routing", service = CallRouter.class, immediate = true)
public final class CallRouterComponent implements CallRouter {
    private final Set<RoutingRuleComponent> ruleComponents = new CopyOnWriteArraySet<>();
    private final Map<String, RfcDestination> destinations = new ConcurrentHashMap<>();
    private volatile RoutingTable table = new RoutingTable(List.of());

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "updatedRule")
    void addRule(RoutingRuleComponent rule) {
        ruleComponents.add(rule);
        rebuild();
    }

    /** A rule's configuration changed in place: SCR calls this after the rule's {@code @Modified}. */
    void updatedRule(RoutingRuleComponent rule) {
        rebuild();
    }

    void removeRule(RoutingRuleComponent rule) {
        ruleComponents.remove(rule);
        rebuild();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDestination(RfcDestination destination) {
        destinations.put(destination.name(), destination);
    }

    void removeDestination(RfcDestination destination) {
        destinations.remove(destination.name(), destination);
    }

    private synchronized void rebuild() {
        List<RoutingRule> rules = new ArrayList<>();
        for (RoutingRuleComponent component : ruleComponents) {
            RoutingRule rule = component.rule();
            if (rule != null) {
                rules.add(rule);
            }
        }
        table = new RoutingTable(rules);
    }

    /** The valid rules in the order they are tried. */
    List<RoutingRule> rules() {
        return table.rules();
    }

    @Override
    public RfcDestination route(CallContext call) throws SystemFailureException {
        return routeNamingTheRule(call).destination();
    }

    @Override
    public Route routeNamingTheRule(CallContext call) throws SystemFailureException {
        String sender = call.sender().toUpperCase(Locale.ROOT);
        String receiver = call.receiver().toUpperCase(Locale.ROOT);
        String function = call.functionName().toUpperCase(Locale.ROOT);
        RoutingRule rule = table.match(sender, receiver, function);
        if (rule == null) {
            throw new SystemFailureException("No routing rule matches sender " + call.sender() + ", receiver "
                    + call.receiver() + " and function " + call.functionName() + "; add a rule for them "
                    + "(rfc:route-add or etc/org.rfcbridge.routing.rule-NAME.cfg)");
        }
        if (!rule.allows(function)) {
            throw new SystemFailureException("Routing rule " + rule.name() + " does not allow function "
                    + call.functionName() + " (allowed: " + rule.allowed() + "); sender " + call.sender()
                    + ", receiver " + call.receiver());
        }
        RfcDestination destination = destinations.get(rule.destination());
        if (destination == null) {
            throw new SystemFailureException("Routing rule " + rule.name() + " sends function " + call.functionName()
                    + " to destination " + rule.destination() + ", which does not exist (yet): configure "
                    + "org.rfcbridge.wsrfc.destination with name=" + rule.destination());
        }
        return new Route(rule.name(), destination);
    }
}
