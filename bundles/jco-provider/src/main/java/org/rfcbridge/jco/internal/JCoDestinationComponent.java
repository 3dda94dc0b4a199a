package org.rfcbridge.jco.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.sap.conn.jco.JCoDestination;
import com.sap.conn.jco.JCoException;
import com.sap.conn.jco.JCoFunction;
import com.sap.conn.jco.JCoFunctionTemplate;
import com.sap.conn.jco.JCoRepository;
import com.sap.conn.jco.JCoRuntimeException;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.ConfigurationReferences;
import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.DestinationStatus;
import org.rfcbridge.api.FunctionRepository;
import org.rfcbridge.api.Provider;
import org.rfcbridge.api.ProxyConfiguration;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.TrustService;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A destination with {@code provider=jco}: a JCo WebSocket RFC destination of the same name, whose
 * settings this component hands to JCo, trusting what our trust store trusts. Unsatisfied without JCo
 * ({@link JCoServices} is missing); for configurations of other providers it registers nothing.
 */
@Component(name = "org.rfcbridge.jco.destination", configurationPid = "org.rfcbridge.wsrfc.destination",
        configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
public final class JCoDestinationComponent implements RfcDestination, FunctionRepository {
    private static final Logger LOG = LoggerFactory.getLogger(JCoDestinationComponent.class);

    private final JCoServices jco;
    private final String name;
    private final String address;
    private final int poolSize;
    private final ServiceRegistration<?> registration;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile String problem = "";
    private volatile String lastError = "";

    @Activate
    public JCoDestinationComponent(@Reference JCoServices jco, @Reference TrustService trust,
                                   @Reference ProxyConfiguration proxy, JCoDestinationConfig config,
                                   Map<String, Object> properties, BundleContext context) {
        this.jco = jco;
        this.name = config.name() == null ? "" : config.name().trim();
        this.address = config.host() + ":" + config.port();
        this.poolSize = config.pool_size();
        if (!Provider.JCO.equals(Provider.of(properties))) {
            registration = null;
            return;
        }
        try {
            ConfigurationReferences.requireResolved(properties);
            jco.data().putDestination(name, JCoProperties.destination(config, proxy), trust::sslContext);
            LOG.info("Destination {} ({}): JCo WebSocket RFC to {}, {} sessions", name, properties.get("service.pid"),
                    address, poolSize);
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
            LOG.warn("Destination {} ({}) is unusable: {}", name, properties.get("service.pid"), problem);
        }
        registration = Provider.register(context, properties, this, RfcDestination.class, FunctionRepository.class);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            jco.data().removeDestination(name);
        }
    }

    private JCoDestination destination() throws RfcException {
        if (!problem.isEmpty()) {
            throw new CommunicationFailureException("Destination " + name + " is not usable: " + problem);
        }
        try {
            return jco.destination(name);
        } catch (JCoException e) {
            throw JCoErrors.toRfc(e, name);
        }
    }

    private JCoRepository jcoRepository(JCoDestination destination) throws RfcException {
        try {
            return destination.getRepository();
        } catch (JCoException e) {
            throw JCoErrors.toRfc(e, name);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void execute(Function function) throws RfcException {
        calls.incrementAndGet();
        try {
            JCoDestination destination = destination();
            JCoFunction jcoFunction = jcoRepository(destination).getFunction(function.name());
            if (jcoFunction == null) {
                throw new SystemFailureException("Function " + function.name() + " does not exist in destination "
                        + name + " (JCo repository)");
            }
            JCoRecords.requestToJCo(function, jcoFunction);
            jcoFunction.execute(destination);
            JCoRecords.responseFromJCo(jcoFunction, function);
            lastError = "";
        } catch (com.sap.conn.jco.AbapException e) {
            throw new org.rfcbridge.api.AbapException(e.getKey(), e.getMessage());
        } catch (JCoException e) {
            throw failed(JCoErrors.toRfc(e, name));
        } catch (JCoRuntimeException | IllegalArgumentException e) {
            throw failed(new SystemFailureException("Destination " + name + " (JCo) cannot convert "
                    + function.name() + ": " + e.getMessage(), e));
        } catch (RfcException e) {
            throw failed(e);
        }
    }

    private RfcException failed(RfcException e) {
        errors.incrementAndGet();
        lastError = e.getMessage();
        return e;
    }

    @Override
    public Duration ping() throws RfcException {
        long start = System.nanoTime();
        try {
            destination().ping();
        } catch (JCoException e) {
            throw failed(JCoErrors.toRfc(e, name));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public FunctionRepository repository() {
        return this;
    }

    @Override
    public DestinationStatus status() {
        String error = problem.isEmpty() ? lastError : problem;
        return new DestinationStatus(name, "WebSocket RFC (JCo)", address, error.isEmpty() ? ConnectionState.ALIVE
                : ConnectionState.DEAD, 0, poolSize, calls.get(), errors.get(), error);
    }

    @Override
    public Optional<FunctionMetadata> getFunctionMetadata(String functionName) throws RfcException {
        try {
            JCoFunctionTemplate template = jcoRepository(destination()).getFunctionTemplate(functionName);
            return template == null ? Optional.empty() : Optional.of(JCoMetadata.function(template));
        } catch (JCoException e) {
            throw JCoErrors.toRfc(e, name);
        } catch (IllegalArgumentException e) {
            throw new SystemFailureException("Destination " + name + " (JCo): " + e.getMessage(), e);
        }
    }

    @Override
    public void invalidate(String functionName) {
        try {
            jcoRepository(destination()).removeFunctionTemplateFromCache(functionName);
        } catch (RfcException e) {
            // nothing cached where the destination cannot be reached
        }
    }

    @Override
    public void invalidateAll() {
        try {
            jcoRepository(destination()).clear();
        } catch (RfcException e) {
            // nothing cached where the destination cannot be reached
        }
    }
}
