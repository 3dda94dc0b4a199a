package org.rfcbridge.monitoring.internal;

import java.lang.reflect.Proxy;

import org.rfcbridge.api.CallObserver;

/**
 * The monitoring of the assembly (call log, metrics, recent calls) for the bench bridge, with its default
 * settings, as Declarative Services would activate it. In this package only to reach the component's
 * package-private activation; not part of the bundle.
 */
public final class BenchMonitor {
    private BenchMonitor() {
    }

    /** The observer every call of the bench bridge is told of while the call log is on. */
    public static CallObserver start() {
        // the configuration with every setting at its default, read from the annotation itself
        MonitoringConfig defaults = (MonitoringConfig) Proxy.newProxyInstance(MonitoringConfig.class.getClassLoader(),
                new Class<?>[] {MonitoringConfig.class}, (proxy, method, arguments) -> method.getDefaultValue());
        MonitorComponent monitor = new MonitorComponent();
        monitor.activate(defaults);
        return monitor;
    }
}
