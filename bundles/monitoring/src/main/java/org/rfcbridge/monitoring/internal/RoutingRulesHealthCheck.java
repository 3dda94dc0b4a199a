package org.rfcbridge.monitoring.internal;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rfcbridge.api.RoutingRules;

/**
 * No routing rule configuration is rejected: a rejected rule is ignored, so the calls it should route are
 * refused. (A rejected listener or destination configuration fails the listeners' or destinations' check,
 * naming the field.)
 */
@Component(service = HealthCheck.class, property = {HealthCheck.NAME + "=RFC Bridge routing rules",
    HealthCheck.TAGS + "=" + MonitorComponent.HEALTH_TAG})
public final class RoutingRulesHealthCheck implements HealthCheck {
    @Reference
    private RoutingRules rules;

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        for (String rejected : rules.rejected()) {
            log.critical("Routing rule {}{} (the rule is ignored)", ListenersHealthCheck.CONFIGURATION_REJECTED, rejected);
        }
        log.info("{} routing rules", rules.list().size());
        return new Result(log);
    }
}
