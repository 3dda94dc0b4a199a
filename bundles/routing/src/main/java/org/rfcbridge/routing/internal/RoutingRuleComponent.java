package org.rfcbridge.routing.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One routing rule configuration. It compiles its rule when activated; an invalid configuration is
 * logged once, with its PID and field, and offers no rule, so it is ignored rather than half
 * applied. A changed configuration is applied in place ({@code @Modified}): the service stays
 * registered and SCR tells the router its properties changed, so there is no moment without the rule.
 */
@Component(name = "org.rfcbridge.routing.rule", configurationPid = "org.rfcbridge.routing.rule",
        configurationPolicy = ConfigurationPolicy.REQUIRE, service = RoutingRuleComponent.class, immediate = true)
@Designate(ocd = RoutingRuleConfig.class, factory = true)
public final class RoutingRuleComponent {
    private static final Logger LOG = LoggerFactory.getLogger(RoutingRuleComponent.class);

    private volatile RoutingRule rule;
    /** Why the configuration is ignored, as "name (PID): field ... problem"; empty while it is accepted. */
    private volatile String problem = "";

    @Activate
    @Modified
    void activate(RoutingRuleConfig config, Map<String, Object> properties) {
        String pid = String.valueOf(properties.getOrDefault("service.pid", "org.rfcbridge.routing.rule"));
        String name = config.name().isBlank() ? nameOf(pid, properties) : config.name().trim();
        try {
            rule = RoutingRule.compile(name, pid, new RoutingRule.Spec(config.sender(), config.receiver(),
                    config.function(), config.transport(), config.destination(), config.enabled(), config.order(),
                    config.functions_allowed()));
            problem = "";
        } catch (RoutingRule.InvalidRuleException e) {
            rule = null;
            problem = name + " (" + pid + "): " + e.getMessage();
            LOG.warn("Routing rule {} ({}) is ignored: {}", name, pid, e.getMessage());
        }
    }

    /** The compiled rule, or {@code null} if the configuration is invalid. */
    RoutingRule rule() {
        return rule;
    }

    /** Why the configuration is ignored; empty while it is accepted. */
    String problem() {
        return problem;
    }

    /** The rule's name: the part of the PID after '~' or '-' (file name), else the PID. */
    static String nameOf(String pid, Map<String, Object> properties) {
        Object file = properties.get("felix.fileinstall.filename");
        String source = file != null ? String.valueOf(file) : pid;
        source = source.substring(source.lastIndexOf('/') + 1);
        if (source.endsWith(".cfg")) {
            source = source.substring(0, source.length() - 4);
        }
        for (String prefix : new String[] {"org.rfcbridge.routing.rule~", "org.rfcbridge.routing.rule-"}) {
            if (source.startsWith(prefix)) {
                return source.substring(prefix.length());
            }
        }
        return source;
    }
}
