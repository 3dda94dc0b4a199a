package org.rfcbridge.cpic.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what kills a thread of the runtime ({@code OutOfMemoryError} included) to karaf.log: without a
 * handler the JVM prints it on stderr, which a Karaf started in the background sends nowhere. Installed
 * only where the JVM has no default handler yet, and removed again with the bundle.
 */
@Component(immediate = true, service = {})
public final class UncaughtErrors implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UncaughtErrors.class);

    @Activate
    void activate() {
        if (Thread.getDefaultUncaughtExceptionHandler() == null) {
            Thread.setDefaultUncaughtExceptionHandler(this);
        }
    }

    @Deactivate
    void deactivate() {
        if (Thread.getDefaultUncaughtExceptionHandler() == this) {
            Thread.setDefaultUncaughtExceptionHandler(null);
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("Thread {} ended with an uncaught {}", thread.getName(), error.getClass().getName(), error);
    }
}
