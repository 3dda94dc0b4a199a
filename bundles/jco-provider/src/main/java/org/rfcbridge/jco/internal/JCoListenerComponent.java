package org.rfcbridge.jco.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;

import com.sap.conn.jco.JCoException;
import com.sap.conn.jco.server.JCoServer;
import com.sap.conn.jco.server.JCoServerContextInfo;
import com.sap.conn.jco.server.JCoServerErrorListener;
import com.sap.conn.jco.server.JCoServerExceptionListener;
import com.sap.conn.jco.server.JCoServerState;
import com.sap.conn.jco.server.JCoServerStateChangedListener;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.rfcbridge.api.CallObserver;
import org.rfcbridge.api.CallObservers;
import org.rfcbridge.api.CallRouter;
import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.ConnectionStatus;
import org.rfcbridge.api.ListenerStatistics;
import org.rfcbridge.api.Provider;
import org.rfcbridge.api.RfcListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener with {@code provider=jco}: a {@code JCoServer} registered under the Program ID at the gateway
 * of the listener's CPIC server, reading function interfaces from the repository destination (which must
 * be a provider=jco destination, since JCo reads metadata through its own destinations). Unsatisfied
 * without JCo; for configurations of other providers it registers nothing.
 */
@Component(name = "org.rfcbridge.jco.listener", configurationPid = "org.rfcbridge.cpic.listener",
        configurationPolicy = ConfigurationPolicy.REQUIRE, service = {}, immediate = true)
public final class JCoListenerComponent implements RfcListener, JCoServerStateChangedListener,
        JCoServerErrorListener, JCoServerExceptionListener {
    private static final Logger LOG = LoggerFactory.getLogger(JCoListenerComponent.class);
    private static final String CPIC_SERVER_PID = "org.rfcbridge.cpic.server";

    private final JCoServices jco;
    private final JCoListenerConfig config;
    private final JCoCallHandler handler;
    private volatile CallRouter router;
    private final CallObservers observers = new CallObservers();
    private ServiceRegistration<?> registration;
    private JCoServer server;
    private String gateway = "";
    private volatile String problem = "";
    private volatile String lastError = "";
    private volatile Instant since = Instant.now();

    @Activate
    public JCoListenerComponent(@Reference JCoServices jco, @Reference ConfigurationAdmin configurations,
                                JCoListenerConfig config, Map<String, Object> properties, BundleContext context) {
        this.jco = jco;
        this.config = config;
        this.handler = new JCoCallHandler(config.program_id() == null ? "" : config.program_id().trim(), () -> router,
                observers);
        if (!Provider.JCO.equals(Provider.of(properties))) {
            return;
        }
        try {
            String[] address = gatewayOf(configurations, config.server());
            gateway = address[0] + ":" + address[1];
            jco.data().putServer(config.name(), JCoProperties.server(address[0], address[1], config));
            server = jco.server(config.name());
            server.setCallHandlerFactory(handler);
            server.addServerStateChangedListener(this);
            server.addServerErrorListener(this);
            server.addServerExceptionListener(this);
            if (config.enabled()) {
                server.start();
            }
            LOG.info("Listener {} (JCo): program {} at {} with {} connections", config.name(), config.program_id(),
                    gateway, config.connections());
        } catch (IllegalArgumentException | IOException | InvalidSyntaxException | JCoException e) {
            problem = e.getMessage();
            LOG.warn("Listener {} ({}) is not started: {}", config.name(), properties.get("service.pid"), problem);
        }
        registration = Provider.register(context, properties, this, RfcListener.class);
    }

    /** The gateway host and service of the named CPIC server, as the native listener derives them. */
    private static String[] gatewayOf(ConfigurationAdmin configurations, String serverName)
            throws IOException, InvalidSyntaxException {
        Configuration[] found = configurations.listConfigurations("(&(service.factoryPid=" + CPIC_SERVER_PID
                + ")(name=" + serverName.replaceAll("[()*\\\\]", "") + "))");
        if (found == null || found.length == 0) {
            throw new IllegalArgumentException("CPIC server " + serverName + " is not configured ("
                    + CPIC_SERVER_PID + " with name=" + serverName + ")");
        }
        Dictionary<String, Object> p = found[0].getProperties();
        String host = text(p.get("gateway.host"));
        if (host.isEmpty()) {
            host = text(p.get("application.server"));
        }
        String service = text(p.get("gateway.service"));
        if (service.isEmpty()) {
            String number = text(p.get("system.number"));
            service = "sapgw" + (number.isEmpty() ? "00" : number);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("CPIC server " + serverName + ": field application.server is empty");
        }
        return new String[] {host, service};
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addObserver(CallObserver observer) {
        observers.add(observer);
    }

    void removeObserver(CallObserver observer) {
        observers.remove(observer);
    }

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

    @Deactivate
    synchronized void deactivate() {
        if (registration == null) {
            return;
        }
        registration.unregister();
        jco.data().removeServer(config.name());
        if (server != null) {
            server.stop();
            server.release();
        }
    }

    @Override
    public void serverStateChangeOccurred(JCoServer jcoServer, JCoServerState oldState, JCoServerState newState) {
        since = Instant.now();
        if (newState == JCoServerState.ALIVE) {
            lastError = "";
        }
        LOG.info("Listener {} (JCo): {} -> {}", config.name(), oldState, newState);
    }

    @Override
    public void serverErrorOccurred(JCoServer jcoServer, String connectionId, JCoServerContextInfo context,
                                    Error error) {
        lastError = "connection " + connectionId + ": " + error;
        LOG.warn("Listener {} (JCo): {}", config.name(), lastError);
    }

    @Override
    public void serverExceptionOccurred(JCoServer jcoServer, String connectionId, JCoServerContextInfo context,
                                        Exception exception) {
        lastError = "connection " + connectionId + ": " + exception.getMessage();
        LOG.warn("Listener {} (JCo): {}", config.name(), lastError);
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
    public String gateway() {
        return gateway;
    }

    @Override
    public ConnectionState state() {
        return server == null ? ConnectionState.DEAD : JCoServerStates.of(server.getState());
    }

    /** JCo reports the server's state, not each connection's: every configured connection shows it. */
    @Override
    public List<ConnectionStatus> connections() {
        List<ConnectionStatus> connections = new ArrayList<>();
        ConnectionState state = state();
        for (int i = 0; server != null && i < Math.max(1, config.connections()); i++) {
            connections.add(new ConnectionStatus(i, state, since, lastError));
        }
        return connections;
    }

    @Override
    public ListenerStatistics statistics() {
        return handler.statistics();
    }

    @Override
    public String lastError() {
        return problem.isEmpty() ? lastError : problem;
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            server.start();
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
