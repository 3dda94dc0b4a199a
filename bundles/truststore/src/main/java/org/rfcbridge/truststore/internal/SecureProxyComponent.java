package org.rfcbridge.truststore.internal;

import java.util.Map;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.rfcbridge.api.ConfigurationReferences;
import org.rfcbridge.api.Provider;
import org.rfcbridge.api.ProxyConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secure proxy settings as a service the WebSocket client reads. A host with a scheme or path is
 * refused with a message saying what to enter; the password is never logged or printed.
 */
// registered by hand (Provider.register, no secret as a service property), so the capability is declared here
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"org.rfcbridge.api.ProxyConfiguration\"",
        uses = org.rfcbridge.api.ProxyConfiguration.class)
@Component(name = "org.rfcbridge.proxy", configurationPid = "org.rfcbridge.proxy",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {})
@Designate(ocd = ProxyConfig.class)
public final class SecureProxyComponent implements ProxyConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(SecureProxyComponent.class);

    private String host = "";
    private int port;
    private String user = "";
    private char[] password = new char[0];
    /** Registered by hand, so that the password is not a service property (Provider). */
    private ServiceRegistration<?> registration;

    // no @Modified on purpose: a change re-registers the service, so destinations holding it (a static
    // reference) are re-created with the new proxy instead of keeping a client built for the old one
    @Activate
    void activate(ProxyConfig config, BundleContext context, Map<String, Object> properties) {
        configure(config);
        registration = Provider.register(context, properties, this, ProxyConfiguration.class);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }

    /** Reads and checks the settings. */
    void configure(ProxyConfig config) {
        String configured = config.host().trim();
        String unresolved = unresolved(config);
        if (configured.contains("://") || configured.contains("/")) {
            LOG.warn("org.rfcbridge.proxy: host '{}' is refused: enter the host name only (e.g. proxy.example.com), "
                    + "without http://, https:// or a path; no proxy is used until it is corrected", configured);
            configured = "";
        } else if (!configured.isEmpty() && (config.port() < 1 || config.port() > 65535)) {
            LOG.warn("org.rfcbridge.proxy: port {} is not a port number (1-65535); no proxy is used", config.port());
            configured = "";
        } else if (!configured.isEmpty() && unresolved != null) {
            LOG.warn("org.rfcbridge.proxy: {}; no proxy is used until it is corrected", unresolved);
            configured = "";
        }
        host = configured;
        port = config.port();
        user = config.user();
        password = config.password().toCharArray();
        if (!configured.isEmpty()) {
            LOG.info("org.rfcbridge.proxy: {}", this);
        }
    }

    /** What is wrong if a field still holds a $[secret:...] or $[env:...] reference, else null. */
    private static String unresolved(ProxyConfig config) {
        try {
            ConfigurationReferences.requireResolved(Map.of("host", config.host(), "user", config.user(),
                    "password", config.password()));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    public boolean isConfigured() {
        return !host.isEmpty();
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public char[] password() {
        return password.clone();
    }

    @Override
    public String toString() {
        return isConfigured() ? "secure proxy " + host + ":" + port + (user.isEmpty() ? "" : " as user " + user
                + (password.length > 0 ? " with a password" : "")) : "no secure proxy";
    }
}
