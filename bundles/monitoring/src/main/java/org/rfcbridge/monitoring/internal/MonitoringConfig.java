package org.rfcbridge.monitoring.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The limits of what the bridge keeps for its operators (PID {@code org.rfcbridge.monitoring}). */
@ObjectClassDefinition(name = "RFC Bridge monitoring", description = "Call log, metrics, recent calls, health checks")
@interface MonitoringConfig {
    @AttributeDefinition(name = "Recent calls", description = "Calls kept for the web console's recent calls table")
    int recent_calls() default 200;

    @AttributeDefinition(name = "Names per dimension", description = "Distinct functions (and listeners, "
            + "destinations, rules) with their own metrics; calls of further names are counted under (other), so a "
            + "caller sending made-up function names cannot grow the metrics without bound")
    int max_names() default 500;

    @AttributeDefinition(name = "Call log queue", description = "Calls waiting for the call log, the latency "
            + "histograms and the recent calls at most; when it is full a call is left out of those (counted in "
            + "rfcbridge_call_log_dropped), never delayed")
    int call_log_queue() default 8192;
}
