package org.rfcbridge.jco.internal;

import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.ConnectionStatus;
import org.rfcbridge.api.ListenerStatistics;
import org.rfcbridge.api.Provider;
import org.rfcbridge.api.RfcListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for a provider=jco listener while JCo is not installed or does not start (its own
 * component stays unsatisfied): {@code rfc:listener-list}, {@code rfc:server-list} and the Web Console show it as DEAD
 * with what to install. Never names a JCo type.
 */
@Component(name = "org.rfcbridge.jco.listener.missing", configurationPid = "org.rfcbridge.cpic.listener",
        configurationPolicy = ConfigurationPolicy.REQUIRE, service = {}, immediate = true)
public final class JCoMissingListenerComponent implements RfcListener {
    private static final Logger LOG = LoggerFactory.getLogger(JCoMissingListenerComponent.class);
    private final JCoListenerConfig config;
    private final String problem;
    private final ServiceRegistration<?> registration;

    @Activate
    public JCoMissingListenerComponent(@Reference JCoStatus status, JCoListenerConfig config,
                                       Map<String, Object> properties, BundleContext context) {
        this.config = config;
        this.problem = status.problem();
        if (!Provider.JCO.equals(Provider.of(properties)) || status.problem().isEmpty()) {
            registration = null;
            return;
        }
        LOG.warn("Listener {} ({}) is not started: {}", config.name(), properties.get("service.pid"),
                problem);
        registration = Provider.register(context, properties, this, RfcListener.class);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public String programId() {
        return config.program_id();
    }

    @Override
    public String server() {
        return config.server();
    }

    @Override
    public ConnectionState state() {
        return ConnectionState.DEAD;
    }

    @Override
    public List<ConnectionStatus> connections() {
        return List.of();
    }

    @Override
    public ListenerStatistics statistics() {
        return new ListenerStatistics(0, 0, 0, 0, 0, 0);
    }

    @Override
    public String lastError() {
        return problem;
    }

    @Override
    public void start() {
        LOG.warn("Listener {} cannot start: {}", config.name(), problem);
    }

    @Override
    public void stop() {
        // nothing runs
    }
}
