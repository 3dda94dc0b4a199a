package org.rfcbridge.jco.internal;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import com.sap.conn.jco.ext.DestinationDataEventListener;
import com.sap.conn.jco.ext.DestinationDataProvider;
import com.sap.conn.jco.ext.ServerDataEventListener;
import com.sap.conn.jco.ext.ServerDataProvider;

/**
 * The settings JCo asks for by name: one destination per provider=jco destination, one server per
 * provider=jco listener, filled from Config Admin by their components. JCo is told of every change, so
 * it drops pooled connections that used the old settings.
 */
final class JCoData implements DestinationDataProvider, ServerDataProvider {
    private final Map<String, Properties> destinations = new ConcurrentHashMap<>();
    private final Map<String, Supplier<SSLContext>> tls = new ConcurrentHashMap<>();
    private final Map<String, Properties> servers = new ConcurrentHashMap<>();
    private volatile DestinationDataEventListener destinationEvents;
    private volatile ServerDataEventListener serverEvents;

    void putDestination(String name, Properties properties, Supplier<SSLContext> context) {
        destinations.put(name, properties);
        tls.put(name, context);
        DestinationDataEventListener events = destinationEvents;
        if (events != null) {
            events.updated(name);
        }
    }

    void removeDestination(String name) {
        tls.remove(name);
        DestinationDataEventListener events = destinationEvents;
        if (destinations.remove(name) != null && events != null) {
            events.deleted(name);
        }
    }

    void putServer(String name, Properties properties) {
        servers.put(name, properties);
        ServerDataEventListener events = serverEvents;
        if (events != null) {
            events.updated(name);
        }
    }

    /** Before the server is stopped: JCo fails a deletion that comes after the stop (jco-api.md 3.3). */
    void removeServer(String name) {
        ServerDataEventListener events = serverEvents;
        if (servers.remove(name) != null && events != null) {
            events.deleted(name);
        }
    }

    @Override
    public Properties getDestinationProperties(String destinationName) {
        Properties properties = destinations.get(destinationName);
        return properties == null ? null : (Properties) properties.clone();
    }

    /** Our trust store's TLS context, read at each call so a trust reload reaches new connections. */
    @Override
    public SSLContext getSSLContext(String destinationName) {
        Supplier<SSLContext> context = tls.get(destinationName);
        return context == null ? null : context.get();
    }

    @Override
    public Properties getServerProperties(String serverName) {
        Properties properties = servers.get(serverName);
        return properties == null ? null : (Properties) properties.clone();
    }

    @Override
    public boolean supportsEvents() {
        return true;
    }

    @Override
    public void setDestinationDataEventListener(DestinationDataEventListener listener) {
        destinationEvents = listener;
    }

    @Override
    public void setServerDataEventListener(ServerDataEventListener listener) {
        serverEvents = listener;
    }
}
