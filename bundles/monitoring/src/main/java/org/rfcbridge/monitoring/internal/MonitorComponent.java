package org.rfcbridge.monitoring.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

import javax.management.MBeanServer;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.jmx.JmxReporter;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.rfcbridge.api.BridgeMonitor;
import org.rfcbridge.api.CallObserver;
import org.rfcbridge.api.CallSummary;
import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.ConnectionStatus;
import org.rfcbridge.api.DestinationStatus;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcListener;

/**
 * Watches every call of every listener ({@link CallObserver}): counts it in the metrics on the call's thread, and
 * hands it to the call queue's thread for the latency histograms, the recent calls and the call log. Offers all of it to the console and the web console
 * ({@link BridgeMonitor}) and the metrics as JMX MBeans (domain {@value #JMX_DOMAIN}). The metrics live here,
 * not in the listeners and destinations, so their counters survive a configuration change of those.
 */
@Component(configurationPid = MonitorComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {CallObserver.class, BridgeMonitor.class})
@Designate(ocd = MonitoringConfig.class)
public final class MonitorComponent implements CallObserver, BridgeMonitor {
    static final String PID = "org.rfcbridge.monitoring";
    static final String JMX_DOMAIN = "org.rfcbridge";
    /** The tag of the bridge's health checks. */
    static final String HEALTH_TAG = "rfcbridge";

    private final MetricRegistry registry = new MetricRegistry();
    private final Map<String, RfcListener> listeners = new ConcurrentHashMap<>();
    private final Map<String, RfcDestination> destinations = new ConcurrentHashMap<>();
    private CallMetrics metrics;
    private volatile RecentCalls recent;
    private volatile CallQueue calls;
    private volatile HealthCheckExecutor healthChecks;
    private JmxReporter jmx;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private MBeanServer mbeanServer;

    @Activate
    void activate(MonitoringConfig config) {
        metrics = new CallMetrics(registry, config.max_names());
        recent = new RecentCalls(config.recent_calls());
        calls = new CallQueue(config.call_log_queue(), this::bookkeeping);
        gauge(MetricName.of(MetricName.BRIDGE, "", "call.log.dropped"), () -> calls.dropped());
        if (mbeanServer != null) {
            jmx = JmxReporter.forRegistry(registry).registerWith(mbeanServer).inDomain(JMX_DOMAIN)
                    .createsObjectNamesWith(new JmxNames()).build();
            jmx.start();
        }
    }

    /** New limits; the counters stay. */
    @Modified
    void modified(MonitoringConfig config) {
        metrics.limitNames(config.max_names());
        recent = new RecentCalls(config.recent_calls());
        CallQueue old = calls;
        calls = new CallQueue(config.call_log_queue(), this::bookkeeping);
        old.close();
    }

    @Deactivate
    void deactivate() {
        if (jmx != null) {
            jmx.close();
        }
        calls.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(RfcListener listener) {
        String programId = listener.programId();
        listeners.put(programId, listener);
        listenerGauge(programId, "connections", l -> l.connections().size());
        listenerGauge(programId, "registered.connections", l -> (int) l.connections().stream().map(
                ConnectionStatus::state).filter(s -> s == ConnectionState.ALIVE || s == ConnectionState.BUSY).count());
        listenerGauge(programId, "busy.connections", l -> l.statistics().busy());
        listenerGauge(programId, "peak.busy.connections", l -> l.statistics().peakBusy());
    }

    void removeListener(RfcListener listener) {
        listeners.remove(listener.programId(), listener);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDestination(RfcDestination destination) {
        String name = destination.name();
        destinations.put(name, destination);
        destinationGauge(name, "open.sessions", DestinationStatus::openSessions);
        destinationGauge(name, "pool.size", DestinationStatus::poolSize);
        destinationGauge(name, "busy.sessions", DestinationStatus::busySessions);
        destinationGauge(name, "peak.busy.sessions", DestinationStatus::peakBusy);
    }

    void removeDestination(RfcDestination destination) {
        destinations.remove(destination.name(), destination);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setHealthChecks(HealthCheckExecutor executor) {
        healthChecks = executor;
    }

    void unsetHealthChecks(HealthCheckExecutor executor) {
        if (healthChecks == executor) {
            healthChecks = null;
        }
    }

    /** A gauge of the listener now serving this Program ID (0 while none does); registered once, kept after. */
    private void listenerGauge(String programId, String metric, ToIntFunction<RfcListener> value) {
        gauge(MetricName.of(CallMetrics.Dimension.LISTENER.label, programId, metric), () -> {
            RfcListener current = listeners.get(programId);
            return current == null ? 0 : value.applyAsInt(current);
        });
    }

    private void destinationGauge(String name, String metric, ToIntFunction<DestinationStatus> value) {
        gauge(MetricName.of(CallMetrics.Dimension.DESTINATION.label, name, metric), () -> {
            RfcDestination current = destinations.get(name);
            return current == null ? 0 : value.applyAsInt(current.status());
        });
    }

    /** Registers a gauge unless one of that name is there (a listener that comes again keeps its gauge). */
    private void gauge(String name, Gauge<Number> gauge) {
        registry.gauge(name, () -> gauge);
    }

    /** On the call's thread: the counters, and the call queued for the rest. */
    @Override
    public void callEnded(CallSummary call) {
        metrics.count(call);
        calls.offer(call);
    }

    /** On the call queue's thread: latency histograms, recent calls, call log. */
    private void bookkeeping(List<CallSummary> batch) {
        metrics.time(batch);
        RecentCalls current = recent;
        batch.forEach(current::add);
        CallLog.write(batch);
    }

    @Override
    public List<CallSummary> recentCalls() {
        return recent.newestFirst();
    }

    @Override
    public List<FunctionLatency> functionLatencies() {
        List<FunctionLatency> latencies = new ArrayList<>();
        metrics.of(CallMetrics.Dimension.FUNCTION).forEach((function, meters) -> {
            Snapshot snapshot = meters.call.getSnapshot();
            latencies.add(new FunctionLatency(function, meters.calls.getCount(), meters.errors(),
                    snapshot.getMedian() / 1e6, snapshot.get95thPercentile() / 1e6, snapshot.get99thPercentile() / 1e6));
        });
        latencies.sort(Comparator.comparing(FunctionLatency::function));
        return latencies;
    }

    @Override
    public List<Health> health() {
        HealthCheckExecutor executor = healthChecks;
        if (executor == null) {
            return List.of(new Health("Apache Felix Health Checks", "HEALTH_CHECK_ERROR",
                    "the health check executor is not running (feature rfcbridge installs it)"));
        }
        List<Health> results = new ArrayList<>();
        for (HealthCheckExecutionResult executed : executor.execute(HealthCheckSelector.tags(HEALTH_TAG))) {
            Result result = executed.getHealthCheckResult();
            List<String> messages = new ArrayList<>();
            for (ResultLog.Entry entry : result) {
                messages.add(entry.getStatus() + " " + entry.getMessage());
            }
            results.add(new Health(executed.getHealthCheckMetadata().getName(), result.getStatus().name(),
                    String.join("\n", messages)));
        }
        results.sort(Comparator.comparing(Health::name));
        return results;
    }

    @Override
    public void writePrometheus(Appendable out) throws IOException {
        PrometheusText.write(registry, out);
    }
}
