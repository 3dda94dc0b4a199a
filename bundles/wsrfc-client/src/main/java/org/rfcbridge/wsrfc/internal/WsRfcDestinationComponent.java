package org.rfcbridge.wsrfc.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.rfcbridge.api.ArrivingRequest;
import org.rfcbridge.api.Audit;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.ConfigurationReferences;
import org.rfcbridge.api.DestinationStatus;
import org.rfcbridge.api.FunctionRepository;
import org.rfcbridge.api.Provider;
import org.rfcbridge.api.ProxyConfiguration;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.TrustService;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.api.trace.TraceDirectory;
import org.rfcbridge.protocol.trace.TraceSwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured WebSocket RFC destination as {@link RfcDestination} and {@link FunctionRepository}
 * services. A configuration change re-creates the destination (Declarative Services deactivates and
 * activates the component), closing its sessions. A configuration that cannot work is logged once
 * with its PID and field, and the services stay registered so that calls, {@code rfc:server-list}
 * and {@code rfc:server-test} say what to fix instead of the destination seeming to be missing.
 */
@Component(name = "org.rfcbridge.wsrfc.destination", configurationPid = "org.rfcbridge.wsrfc.destination",
        configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = WsRfcDestinationConfig.class, factory = true)
public final class WsRfcDestinationComponent implements RfcDestination, FunctionRepository {
    private static final Logger LOG = LoggerFactory.getLogger(WsRfcDestinationComponent.class);
    private static final Logger AUDIT = LoggerFactory.getLogger(Audit.LOGGER);

    private final TrustService trust;
    private final String name;
    private WsRfcDestination destination;
    private String problem;
    /** Null when the configuration selects another provider (provider=jco): then another component serves it. */
    private final ServiceRegistration<?> registration;

    @Activate
    public WsRfcDestinationComponent(@Reference TrustService trust, @Reference ProxyConfiguration proxy,
                                     WsRfcDestinationConfig config, Map<String, Object> properties,
                                     BundleContext context) {
        this.trust = trust;
        this.name = config.name() == null ? "" : config.name().trim();
        String provider = Provider.of(properties);
        if (Provider.JCO.equals(provider)) {
            registration = null;
            return;
        }
        start(proxy, config, properties, provider);
        registration = Provider.register(context, properties, this, RfcDestination.class, FunctionRepository.class);
    }

    private void start(ProxyConfiguration proxy, WsRfcDestinationConfig config, Map<String, Object> properties,
                       String provider) {
        Object pid = properties.get("service.pid");
        try {
            if (!Provider.NATIVE.equals(provider)) {
                throw new IllegalArgumentException("field provider '" + properties.get(Provider.PROPERTY) + "' must "
                        + "be native or jco");
            }
            if (name.isEmpty()) {
                throw new IllegalArgumentException("field name is empty: enter the destination's name, e.g. "
                        + "Connection_to_Cloud");
            }
            // before any logon: the reference's text sent as the password would count as a failed logon
            ConfigurationReferences.requireResolved(properties);
            if (!"default".equals(config.trust())) {
                throw new IllegalArgumentException("field trust '" + config.trust() + "' names no trust store: the "
                        + "one trust store is 'default' (etc/trust)");
            }
            WsRfcSettings settings = settings(config);
            WsRfcDestination.PoolSettings pool = new WsRfcDestination.PoolSettings(config.pool_size(),
                    Duration.ofSeconds(Math.max(0, config.ping_period())),
                    Duration.ofSeconds(Math.max(1, config.pong_timeout())));
            if (config.proxy() && !proxy.isConfigured()) {
                throw new IllegalArgumentException("field proxy is on but no secure proxy is configured: set host and "
                        + "port in org.rfcbridge.proxy or turn proxy off");
            }
            // on WebSocket RFC the record limit bounds one unfinished item (ProtocolLimits)
            ProtocolLimits limits = new ProtocolLimits((int) Math.min(Integer.MAX_VALUE, (long) Math.max(1,
                    config.max_item_mb()) << 20),
                    (long) Math.max(1, config.max_message_mb()) << 20, ProtocolLimits.DEFAULT.maxTableRows(),
                    ProtocolLimits.DEFAULT.maxTableBytes(), ProtocolLimits.DEFAULT.maxItems());
            destination = WsRfcDestination.start(settings, pool, tls(config), config.proxy() ? proxy : null, limits);
            destination.tracedBy(new TraceSwitch(TraceDirectory.ofRuntime(), TraceDirectory.WSRFC, name, config.trace(),
                    config.trace_max_files(), (long) Math.max(1, config.trace_max_mb()) << 20));
            LOG.info("Destination {} ({}): {}, {} sessions{}", name, pid, settings.url(), config.pool_size(),
                    config.proxy() ? " through " + proxy : "");
        } catch (IllegalArgumentException | IOException | GeneralSecurityException e) {
            problem = e.getMessage();
            LOG.warn("Destination {} ({}) is unusable: {}", name, pid, problem);
        } catch (Exception e) {
            problem = "its WebSocket client could not start: " + e;
            LOG.warn("Destination {} ({}) is unusable: {}", name, pid, problem);
        }
    }

    private static WsRfcSettings settings(WsRfcDestinationConfig config) {
        String user = config.alias_user().isBlank() ? config.user() : config.alias_user();
        boolean certificate = "client-certificate".equals(config.logon_type());
        if (!certificate && !"password".equals(config.logon_type())) {
            throw new IllegalArgumentException("field logon.type '" + config.logon_type() + "' must be password or "
                    + "client-certificate");
        }
        return new WsRfcSettings(config.name().trim(), config.host(), config.port(), config.path(),
                config.upgrade_subprotocol(), WsRfcSettings.parseHeaders(config.upgrade_headers()), user,
                certificate ? "" : config.password(), config.client(), config.language(),
                Duration.ofSeconds(Math.max(1, config.connect_timeout())),
                Duration.ofSeconds(Math.max(1, config.call_timeout())), tableCompression(config.table_compression()));
    }

    private static TableCompression tableCompression(String setting) {
        try {
            return TableCompression.of(setting);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field table.compression: " + e.getMessage());
        }
    }

    /** TLS trusting what the trust store trusts now and after every reload, with the client certificate if used. */
    private SSLContext tls(WsRfcDestinationConfig config) throws IOException, GeneralSecurityException {
        KeyManager[] keys = null;
        if ("client-certificate".equals(config.logon_type())) {
            if (config.keystore().isBlank()) {
                throw new IllegalArgumentException("field keystore is empty: logon type client-certificate needs the "
                        + "PKCS#12 file with the certificate and its key");
            }
            keys = ClientCertificate.keyManagers(Path.of(System.getProperty("karaf.home", ".")).resolve(
                    config.keystore()), config.keystore_password().toCharArray());
        }
        return FollowingTrustManager.context(keys, trust::trustManager);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
        if (destination != null) {
            destination.close();
        }
    }

    private WsRfcDestination usable() throws CommunicationFailureException {
        if (destination == null) {
            throw new CommunicationFailureException("Destination " + name + " is not usable: " + problem);
        }
        return destination;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void execute(Function function) throws RfcException {
        usable().execute(function);
    }

    @Override
    public boolean streamsRequests() {
        return true;
    }

    @Override
    public void execute(Function function, ArrivingRequest rest) throws RfcException {
        usable().execute(function, rest);
    }

    @Override
    public Duration ping() throws RfcException {
        return usable().ping();
    }

    @Override
    public void traceNextCalls(int calls) {
        if (destination == null) {
            throw new IllegalStateException("Destination " + name + " is not usable: " + problem);
        }
        destination.traceNext(calls);
        AUDIT.info("user={} action=trace destination={} calls={} directory={}", Audit.currentUser(), name, calls,
                TraceDirectory.ofRuntime().path());
    }

    @Override
    public FunctionRepository repository() {
        return this;
    }

    @Override
    public DestinationStatus status() {
        return destination != null ? destination.status() : DestinationStatus.rejected(name, "WebSocket", "", problem);
    }

    @Override
    public Optional<FunctionMetadata> getFunctionMetadata(String functionName) throws RfcException {
        return usable().getFunctionMetadata(functionName);
    }

    @Override
    public void invalidate(String functionName) {
        if (destination != null) {
            destination.invalidate(functionName);
        }
    }

    @Override
    public void invalidateAll() {
        if (destination != null) {
            destination.invalidateAll();
        }
    }
}
