package org.rfcbridge.jco.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the provider when JCo is installed: registers this bundle's data providers with JCo (one of each
 * per JVM) and the {@link JCoServices} service the JCo listeners and destinations need. Without JCo
 * nothing is registered, so those components stay unsatisfied. This class never names a JCo type, so
 * it loads without JCo; {@link JCoServices#start} does the rest.
 */
@Component(name = "org.rfcbridge.jco.environment", service = {}, immediate = true)
public final class JCoEnvironment {
    private static final Logger LOG = LoggerFactory.getLogger(JCoEnvironment.class);
    private AutoCloseable started;

    @Activate
    void activate(BundleContext context) {
        if (!JCoInstallation.installed()) {
            LOG.info("SAP JCo is not installed: listeners and destinations with provider=jco are not started "
                    + "(./rfcbridge install-jco, docs/jco.md)");
            return;
        }
        try {
            started = JCoServices.start(context);
        } catch (LinkageError | RuntimeException e) {
            // the jar is there but JCo cannot run, e.g. libsapjco3.so is not on java.library.path
            LOG.warn("SAP JCo is installed but does not start, so provider=jco stays unsatisfied: {}", e.toString());
        }
    }

    @Deactivate
    void deactivate() throws Exception {
        if (started != null) {
            started.close();
        }
    }
}
