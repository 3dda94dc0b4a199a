package org.rfcbridge.monitoring.internal;

import java.util.List;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.DestinationStatus;
import org.rfcbridge.api.RfcDestination;

/**
 * Every destination is usable: its configuration was accepted and its last logon, ping or call reached the
 * system (a destination is DEAD when either failed; its sessions ping every {@code ping.period}, so an idle
 * destination's state is at most that old).
 */
@Component(service = HealthCheck.class, property = {HealthCheck.NAME + "=RFC Bridge destinations",
    HealthCheck.TAGS + "=" + MonitorComponent.HEALTH_TAG})
public final class DestinationsHealthCheck implements HealthCheck {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<RfcDestination> destinations;

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        List<RfcDestination> current = destinations;
        if (current.isEmpty()) {
            log.warn("No destination is configured (org.rfcbridge.wsrfc.destination): calls have nowhere to go");
        }
        for (RfcDestination destination : current) {
            DestinationStatus status = destination.status();
            if (status.configurationRejected()) {
                log.critical("Destination {}: {}{}", status.name(), ListenersHealthCheck.CONFIGURATION_REJECTED,
                        status.lastError().substring(DestinationStatus.NOT_USABLE.length()));
            } else if (status.state() == ConnectionState.DEAD) {
                log.critical("Destination {} ({}): {}", status.name(), status.address(), status.lastError());
            } else {
                log.info("Destination {} ({}): {}, {} of {} sessions open", status.name(), status.address(),
                        status.state(), status.openSessions(), status.poolSize());
            }
        }
        return new Result(log);
    }
}
