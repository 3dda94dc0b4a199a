package org.rfcbridge.jco.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.DestinationStatus;
import org.rfcbridge.api.FunctionRepository;
import org.rfcbridge.api.Provider;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for a provider=jco destination while JCo is not installed or does not start (its own
 * component stays unsatisfied): listings show it DEAD with what to install, and a call routed to it ends with a
 * COMMUNICATION_FAILURE that says the same, instead of "no such destination". Never names a JCo type.
 */
@Component(name = "org.rfcbridge.jco.destination.missing", configurationPid = "org.rfcbridge.wsrfc.destination",
        configurationPolicy = ConfigurationPolicy.REQUIRE, service = {}, immediate = true)
public final class JCoMissingDestinationComponent implements RfcDestination, FunctionRepository {
    private static final Logger LOG = LoggerFactory.getLogger(JCoMissingDestinationComponent.class);
    private final String name;
    private final String address;
    private final String problem;
    private final ServiceRegistration<?> registration;

    @Activate
    public JCoMissingDestinationComponent(@Reference JCoStatus status, JCoDestinationConfig config,
                                          Map<String, Object> properties, BundleContext context) {
        this.problem = status.problem();
        this.name = config.name() == null ? "" : config.name().trim();
        this.address = config.host() + ":" + config.port();
        if (!Provider.JCO.equals(Provider.of(properties)) || status.problem().isEmpty()) {
            registration = null;
            return;
        }
        LOG.warn("Destination {} ({}) is not started: {}", name, properties.get("service.pid"),
                problem);
        registration = Provider.register(context, properties, this, RfcDestination.class, FunctionRepository.class);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }

    private CommunicationFailureException notInstalled() {
        return new CommunicationFailureException("Destination " + name + " is not usable: "
                + problem);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void execute(Function function) throws CommunicationFailureException {
        throw notInstalled();
    }

    @Override
    public Duration ping() throws CommunicationFailureException {
        throw notInstalled();
    }

    @Override
    public FunctionRepository repository() {
        return this;
    }

    @Override
    public DestinationStatus status() {
        return new DestinationStatus(name, "WebSocket RFC (JCo)", address, ConnectionState.DEAD, 0, 0, 0, 0,
                problem);
    }

    @Override
    public Optional<FunctionMetadata> getFunctionMetadata(String functionName) throws CommunicationFailureException {
        throw notInstalled();
    }

    @Override
    public void invalidate(String functionName) {
        // nothing cached
    }

    @Override
    public void invalidateAll() {
        // nothing cached
    }
}
