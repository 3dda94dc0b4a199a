package org.rfcbridge.jco.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the provider when JCo is installed: registers this bundle's data providers with JCo (one of each
 * per JVM) and the {@link JCoServices} service the JCo listeners and destinations need. Without JCo
 * that service is missing, so those components stay unsatisfied; {@link JCoStatus} says why. This class never names a JCo type, so
 * it loads without JCo; {@link JCoServices#start} does the rest.
 */
@Component(name = "org.rfcbridge.jco.environment", service = {}, immediate = true)
public final class JCoEnvironment {
    private static final Logger LOG = LoggerFactory.getLogger(JCoEnvironment.class);
    private AutoCloseable started;
    private ServiceRegistration<JCoStatus> status;

    @Activate
    void activate(BundleContext context) {
        String problem = "";
        if (!JCoInstallation.installed()) {
            problem = JCoInstallation.NOT_INSTALLED;
            LOG.info("SAP JCo is not installed: listeners and destinations with provider=jco are not started "
                    + "(./rfcbridge install-jco, docs/jco.md)");
        } else {
            try {
                started = JCoServices.start(context);
            } catch (LinkageError | RuntimeException e) {
                // the jar is there but JCo cannot run, e.g. libsapjco3.so is not on java.library.path
                problem = JCoInstallation.NOT_RUNNING + e;
                LOG.warn("{}", problem);
            }
        }
        status = context.registerService(JCoStatus.class, new JCoStatus(problem), null);
    }

    @Deactivate
    void deactivate() throws Exception {
        status.unregister();
        if (started != null) {
            started.close();
        }
    }
}
