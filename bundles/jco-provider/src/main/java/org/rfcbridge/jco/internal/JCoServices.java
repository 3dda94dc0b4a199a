package org.rfcbridge.jco.internal;

import com.sap.conn.jco.JCoDestination;
import com.sap.conn.jco.JCoDestinationManager;
import com.sap.conn.jco.JCoException;
import com.sap.conn.jco.ext.Environment;
import com.sap.conn.jco.server.JCoServer;
import com.sap.conn.jco.server.JCoServerFactory;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * What the JCo listeners and destinations need from JCo: the data providers that hold their settings,
 * and JCo's static entry points behind an interface, so tests can run the provider against fakes.
 */
public final class JCoServices {
    private final JCoData data;
    private final Access access;

    /** JCo's static entry points. */
    interface Access {
        JCoDestination destination(String name) throws JCoException;

        JCoServer server(String name) throws JCoException;
    }

    JCoServices(JCoData data, Access access) {
        this.data = data;
        this.access = access;
    }

    JCoData data() {
        return data;
    }

    JCoDestination destination(String name) throws JCoException {
        return access.destination(name);
    }

    JCoServer server(String name) throws JCoException {
        return access.server(name);
    }

    /** Registers the data providers with JCo and this service; closing undoes both. */
    static AutoCloseable start(BundleContext context) {
        JCoData data = new JCoData();
        Environment.registerDestinationDataProvider(data);
        Environment.registerServerDataProvider(data);
        ServiceRegistration<JCoServices> registration = context.registerService(JCoServices.class,
                new JCoServices(data, new Access() {
                    @Override
                    public JCoDestination destination(String name) throws JCoException {
                        return JCoDestinationManager.getDestination(name);
                    }

                    @Override
                    public JCoServer server(String name) throws JCoException {
                        return JCoServerFactory.getServer(name);
                    }
                }), null);
        return () -> {
            registration.unregister();
            // a stale registration would block the next one when the bundle is updated
            Environment.unregisterServerDataProvider(data);
            Environment.unregisterDestinationDataProvider(data);
        };
    }
}
