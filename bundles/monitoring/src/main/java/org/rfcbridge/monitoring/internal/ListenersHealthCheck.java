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
import org.rfcbridge.api.RfcListener;

/**
 * Every running listener has all its connections registered at the gateway: else the on-premise system's calls
 * wait or fail (SM59 "program not registered"). A listener an administrator stopped or disabled is not counted.
 */
@Component(service = HealthCheck.class, property = {HealthCheck.NAME + "=RFC Bridge listeners",
    HealthCheck.TAGS + "=" + MonitorComponent.HEALTH_TAG})
public final class ListenersHealthCheck implements HealthCheck {
    /** What a finding of a configuration the bridge cannot use says (bin/rfcbridge upgrade looks for it). */
    static final String CONFIGURATION_REJECTED = "configuration rejected: ";

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<RfcListener> listeners;

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        List<RfcListener> current = listeners;
        if (current.isEmpty()) {
            log.warn("No listener is configured (org.rfcbridge.cpic.listener): the on-premise system cannot call");
        }
        for (RfcListener listener : current) {
            String which = "Listener " + listener.name() + " (Program ID " + listener.programId() + ")";
            if (listener.state() == ConnectionState.STOPPED) {
                log.info("{}: stopped", which);
                continue;
            }
            if (listener.connections().isEmpty() && listener.state() == ConnectionState.DEAD) {
                log.critical("{}: {}{}", which, CONFIGURATION_REJECTED, listener.lastError());
                continue;
            }
            long registered = listener.connections().stream().filter(c -> c.state() == ConnectionState.ALIVE
                    || c.state() == ConnectionState.BUSY).count();
            int all = listener.connections().size();
            if (all == 0 || registered < all) {
                log.critical("{}: {} of {} connections registered at {}; {}", which, registered, all,
                        listener.gateway().isEmpty() ? "its gateway" : listener.gateway(),
                        listener.lastError().isEmpty() ? "registering" : listener.lastError());
            } else {
                log.info("{}: {} of {} connections registered at {}", which, registered, all, listener.gateway());
            }
        }
        return new Result(log);
    }
}
