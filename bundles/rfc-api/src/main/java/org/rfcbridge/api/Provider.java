package org.rfcbridge.api;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Locale;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Which implementation does the wire work of a listener ({@code org.rfcbridge.cpic.listener}) or a
 * destination ({@code org.rfcbridge.wsrfc.destination}): the configuration property {@code provider},
 * {@code native} (RFC Bridge's own protocol code, the default) or {@code jco} (SAP JCo, where a site has
 * installed it). Every provider's component receives every configuration of the PID; each registers
 * its services only for the configurations that select it, so exactly one serves each.
 */
public final class Provider {
    /** The configuration property. */
    public static final String PROPERTY = "provider";
    /** RFC Bridge's own implementation. */
    public static final String NATIVE = "native";
    /** SAP JCo. */
    public static final String JCO = "jco";

    private Provider() {
    }

    /** The provider a configuration selects: trimmed, lower case, {@link #NATIVE} when absent or blank. */
    public static String of(Map<String, ?> properties) {
        Object value = properties.get(PROPERTY);
        String provider = value == null ? "" : value.toString().trim().toLowerCase(Locale.ROOT);
        return provider.isEmpty() ? NATIVE : provider;
    }

    /**
     * Registers a component's service under its types with the component's public properties (see
     * {@link #serviceProperties}): for components that decide at activation whether they serve their
     * configuration, and for those whose configuration holds a secret.
     */
    public static ServiceRegistration<?> register(BundleContext context, Map<String, ?> componentProperties,
                                                  Object service, Class<?>... types) {
        String[] names = new String[types.length];
        for (int i = 0; i < types.length; i++) {
            names[i] = types[i].getName();
        }
        return context.registerService(names, service, serviceProperties(componentProperties));
    }

    /**
     * The properties a component's service may show: not those starting with a dot (private, as in
     * Declarative Services), and never a secret (a key ending in {@code password}, whatever its case), since
     * service properties are shown by {@code service:list} and the web console's Services page.
     */
    public static Dictionary<String, Object> serviceProperties(Map<String, ?> componentProperties) {
        Dictionary<String, Object> properties = new Hashtable<>();
        componentProperties.forEach((key, value) -> {
            if (!key.startsWith(".") && !key.toLowerCase(Locale.ROOT).endsWith("password") && value != null) {
                properties.put(key, value);
            }
        });
        return properties;
    }
}
