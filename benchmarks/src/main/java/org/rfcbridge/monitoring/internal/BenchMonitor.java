package org.rfcbridge.monitoring.internal;

import java.lang.annotation.Annotation;

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
        MonitorComponent monitor = new MonitorComponent();
        monitor.activate(new MonitoringConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MonitoringConfig.class;
            }

            @Override
            public int recent_calls() {
                return 200;
            }

            @Override
            public int max_names() {
                return 500;
            }

            @Override
            public int call_log_queue() {
                return 8192;
            }
        });
        return monitor;
    }
}
