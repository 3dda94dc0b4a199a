package org.rfcbridge.cpic.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.rfcbridge.api.Audit;
import org.rfcbridge.api.CallObserver;
import org.rfcbridge.api.CallObservers;
import org.rfcbridge.api.CallRouter;
import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.ConnectionStatus;
import org.rfcbridge.api.FunctionRepository;
import org.rfcbridge.api.ListenerStatistics;
import org.rfcbridge.api.Provider;
import org.rfcbridge.api.RfcListener;
import org.rfcbridge.api.trace.TraceDirectory;
import org.rfcbridge.protocol.trace.TraceSwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener: a Program ID registered at the gateway of a CPIC server with a number of
 * connections, handing calls to routing. A changed configuration re-activates only this listener,
 * which registers again; the others are not disturbed. Activation returns at once: registering
 * happens on the listener's own threads.
 */
@Component(name = "org.rfcbridge.cpic.listener", configurationPid = "org.rfcbridge.cpic.listener",
        configurationPolicy = ConfigurationPolicy.REQUIRE, service = {}, immediate = true)
@Designate(ocd = CpicListenerConfig.class, factory = true)
public final class CpicListenerComponent implements RfcListener {
    private static final Logger LOG = LoggerFactory.getLogger(CpicListenerComponent.class);
    private static final Logger AUDIT = LoggerFactory.getLogger(Audit.LOGGER);

    private final Map<String, CpicServerComponent> servers = new ConcurrentHashMap<>();
    private final Map<String, FunctionRepository> repositories = new ConcurrentHashMap<>();
    private final ListenerCounters counters = new ListenerCounters();
    private final CallObservers observers = new CallObservers();
    private volatile CallRouter router;
    private volatile CpicListenerConfig config;
    private volatile String problem = "";
    /** Enabled, but its CPIC server is not there yet: started when it comes, instead of failing first. */
    private volatile boolean waitingForServer;
    private ListenerRuntime runtime;
    private volatile TraceSwitch tracing;
    private BridgeCallHandler handler;
    /** Null when the configuration selects another provider (provider=jco): then another component serves it. */
    private ServiceRegistration<?> registration;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setRouter(CallRouter callRouter) {
        router = callRouter;
    }

    void unsetRouter(CallRouter callRouter) {
        if (router == callRouter) {
            router = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addObserver(CallObserver observer) {
        observers.add(observer);
    }

    void removeObserver(CallObserver observer) {
        observers.remove(observer);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addServer(CpicServerComponent server) {
        servers.put(server.name(), server);
        startIfWaitingFor(server.name());
    }

    /** Starts a listener whose server configuration arrived after it (as at boot, when files load in any order). */
    private synchronized void startIfWaitingFor(String serverName) {
        if (waitingForServer && config != null && config.server().equals(serverName)) {
            waitingForServer = false;
            runtime.start();
        }
    }

    void removeServer(CpicServerComponent server) {
        servers.remove(server.name(), server);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRepository(FunctionRepository repository) {
        repositories.put(repository.name(), repository);
        invalidate();
    }

    void removeRepository(FunctionRepository repository) {
        repositories.remove(repository.name(), repository);
        invalidate();
    }

    private synchronized void invalidate() {
        if (handler != null) {
            handler.invalidate();
        }
    }

    @Activate
    synchronized void activate(CpicListenerConfig configuration, Map<String, Object> properties, BundleContext context) {
        config = configuration;
        String provider = Provider.of(properties);
        if (Provider.JCO.equals(provider)) {
            return;
        }
        start(configuration, properties);
        registration = Provider.register(context, properties, this, RfcListener.class);
    }

    private void start(CpicListenerConfig configuration, Map<String, Object> properties) {
        ListenerSettings settings;
        try {
            settings = ListenerSettings.of(configuration, properties);
            problem = "";
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
            LOG.warn("Listener {} ({}) is not started: {}", configuration.name(), properties.get("service.pid"), problem);
            return;
        }
        String programId = settings.programId();
        handler = new BridgeCallHandler(programId, () -> router, () -> repositories.get(configuration.repository()),
                configuration.repository(), configuration.ping_forward(), counters, settings.limits(),
                settings.compression(), observers);
        handler.logParameterValues(configuration.call_log_values());
        runtime = new ListenerRuntime(configuration.name(), programId, settings.connections(), this::gatewayAddress,
                handler, counters, settings.runtime());
        tracing = new TraceSwitch(TraceDirectory.ofRuntime(), TraceDirectory.CPIC, programId, configuration.trace(),
                configuration.trace_max_files(), (long) Math.max(1, configuration.trace_max_mb()) << 20);
        runtime.tracedBy(tracing);
        if (configuration.enabled()) {
            audit("listener.start", "configuration");
            if (servers.containsKey(configuration.server())) {
                runtime.start();
            } else {
                waitingForServer = true;
            }
        }
    }

    private GatewayAddress gatewayAddress() {
        String name = config.server();
        CpicServerComponent server = servers.get(name);
        if (server == null) {
            throw new IllegalStateException("CPIC server " + name + " is not configured (org.rfcbridge.cpic.server "
                    + "with name=" + name + ")");
        }
        if (server.gateway() == null) {
            throw new IllegalStateException("CPIC server " + name + " is unusable: " + server.problem());
        }
        return server.gateway();
    }

    @Deactivate
    synchronized void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
        if (runtime != null && runtime.state() != ConnectionState.STOPPED) {
            audit("listener.stop", "configuration changed or bundle stopped");
            runtime.stop();
        }
    }

    /** One line of the audit log: who started or stopped this listener, and why. */
    private void audit(String action, String reason) {
        AUDIT.info("user={} action={} listener={} program.id={} reason={}", Audit.currentUser(), action, config.name(),
                config.program_id(), reason);
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public String server() {
        return config.server();
    }

    @Override
    public String gateway() {
        try {
            GatewayAddress address = gatewayAddress();
            return address.host() + ":" + address.port();
        } catch (IllegalStateException e) {
            return "";
        }
    }

    @Override
    public String programId() {
        return config.program_id();
    }

    @Override
    public ConnectionState state() {
        return runtime == null ? ConnectionState.DEAD : runtime.state();
    }

    @Override
    public List<ConnectionStatus> connections() {
        return runtime == null ? List.of() : runtime.connections();
    }

    @Override
    public ListenerStatistics statistics() {
        return counters.snapshot();
    }

    @Override
    public String lastError() {
        if (waitingForServer) {
            return "waiting for CPIC server " + config.server() + " (org.rfcbridge.cpic.server with name="
                    + config.server() + ")";
        }
        return !problem.isEmpty() ? problem : runtime == null ? "" : runtime.lastError();
    }

    @Override
    public void traceNextCalls(int calls) {
        TraceSwitch current = tracing;
        if (current == null) {
            throw new IllegalStateException("Listener " + config.name() + " is not started: " + lastError());
        }
        current.traceNext(calls);
        AUDIT.info("user={} action=trace listener={} calls={} directory={}", Audit.currentUser(), config.name(), calls,
                TraceDirectory.ofRuntime().path());
    }

    @Override
    public synchronized void start() {
        waitingForServer = false;
        if (runtime != null && runtime.state() == ConnectionState.STOPPED) {
            audit("listener.start", "command");
            runtime.start();
        }
    }

    @Override
    public synchronized void stop() {
        waitingForServer = false;
        if (runtime != null && runtime.state() != ConnectionState.STOPPED) {
            audit("listener.stop", "command");
            runtime.stop();
        }
    }
}
