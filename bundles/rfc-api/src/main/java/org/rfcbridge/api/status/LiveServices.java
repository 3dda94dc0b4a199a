package org.rfcbridge.api.status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The services of the moment: destinations and listeners come and go with their configurations, so a view looks
 * them up each time it shows them instead of holding them.
 */
public final class LiveServices {
    private LiveServices() {
    }

    /** Every service of a type, released at once: a view is short and must not pin services. */
    public static <T> List<T> list(BundleContext context, Class<T> type) {
        try {
            Collection<ServiceReference<T>> references = context.getServiceReferences(type, null);
            List<T> found = new ArrayList<>();
            for (ServiceReference<T> reference : references) {
                T service = context.getService(reference);
                if (service != null) {
                    found.add(service);
                    context.ungetService(reference);
                }
            }
            return found;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("no filter was given", e);
        }
    }
}
