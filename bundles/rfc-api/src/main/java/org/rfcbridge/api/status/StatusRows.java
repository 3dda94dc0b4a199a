package org.rfcbridge.api.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.DestinationStatus;
import org.rfcbridge.api.ListenerStatistics;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcListener;
import org.rfcbridge.api.RoutingRules;
import org.rfcbridge.api.TrustService;
import org.rfcbridge.api.TrustedCertificate;

/**
 * The rows of the bridge's status, typed (numbers as numbers, two counts as a {@link Ratio}, nothing as ""), one
 * list per table, with the keys in the order the views show them; the console prints them (tables, JSON), the web
 * console page renders them. Each row is a map from key to value.
 */
public final class StatusRows {
    /** The keys of {@link #servers}, in order. */
    public static final List<String> SERVER_KEYS = List.of("name", "type", "address", "state", "sessions", "calls",
            "errors", "lastError");
    /** The keys of {@link #listeners}, in order. */
    public static final List<String> LISTENER_KEYS = List.of("name", "programId", "server", "connections", "state",
            "busy", "calls", "errors", "lastError");
    /** The keys of {@link #rules}, in order. */
    public static final List<String> RULE_KEYS = List.of("id", "order", "enabled", "sender", "receiver", "function",
            "transport", "destination", "functionsAllowed");
    /** The keys of {@link #certificates}, in order. */
    public static final List<String> CERTIFICATE_KEYS = List.of("source", "subject", "issuer", "notAfter", "daysLeft",
            "sha256");
    /** The keys of {@link #counters}, in order. */
    public static final List<String> COUNTER_KEYS = List.of("kind", "name", "calls", "errors", "busy", "peakBusy",
            "bytesIn", "bytesOut", "sessions");

    private StatusRows() {
    }

    /**
     * SAP BC's "SAP Servers": each CPIC server once, with the listeners registered through it, then each
     * destination with its sessions and counters.
     */
    public static List<Map<String, Object>> servers(List<RfcListener> listeners, List<RfcDestination> destinations) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, List<RfcListener>> byServer = new LinkedHashMap<>();
        listeners.stream().filter(l -> !l.server().isEmpty())
                .forEach(l -> byServer.computeIfAbsent(l.server(), s -> new ArrayList<>()).add(l));
        byServer.forEach((server, registered) -> rows.add(row("name", server, "type", "CPIC", "address",
                registered.get(0).gateway(), "state", registered.stream().map(l -> l.name() + " " + l.state())
                        .collect(Collectors.joining(", ")), "sessions", null, "calls", null, "errors", null,
                "lastError", registered.stream().map(RfcListener::lastError).filter(e -> !e.isEmpty()).findFirst()
                        .orElse(null))));
        for (RfcDestination destination : destinations) {
            DestinationStatus s = destination.status();
            rows.add(row("name", s.name(), "type", s.kind(), "address", s.address(), "state", s.state().name(),
                    "sessions", new Ratio("open", s.openSessions(), "pool", s.poolSize()), "calls", s.calls(),
                    "errors", s.errors(), "lastError", s.lastError()));
        }
        return rows;
    }

    /** The listeners: Program ID, server, connections registered of those configured, state, load, counters. */
    public static List<Map<String, Object>> listeners(List<RfcListener> listeners) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RfcListener listener : listeners) {
            ListenerStatistics s = listener.statistics();
            long alive = listener.connections().stream()
                    .filter(c -> c.state() == ConnectionState.ALIVE || c.state() == ConnectionState.BUSY).count();
            rows.add(row("name", listener.name(), "programId", listener.programId(), "server", listener.server(),
                    "connections", new Ratio("registered", alive, "configured", listener.connections().size()),
                    "state", listener.state().name(), "busy", new Ratio("busy", s.busy(), "peak", s.peakBusy()),
                    "calls", s.calls(), "errors", s.errors(), "lastError", listener.lastError()));
        }
        return rows;
    }

    /** The routing rules in the order they are tried. */
    public static List<Map<String, Object>> rules(RoutingRules rules) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RoutingRules.Rule r : rules.list()) {
            rows.add(row("id", r.id(), "order", r.order(), "enabled", r.enabled(), "sender", r.sender(), "receiver",
                    r.receiver(), "function", r.function(), "transport", r.transport(), "destination", r.destination(),
                    "functionsAllowed", r.functionsAllowed()));
        }
        return rows;
    }

    /** The trusted CA certificates with their expiry, counted from {@code now}. */
    public static List<Map<String, Object>> certificates(TrustService trust, Instant now) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TrustedCertificate c : trust.certificates()) {
            rows.add(row("source", c.source(), "subject", c.subject(), "issuer", c.issuer(), "notAfter",
                    c.notAfter().toString(), "daysLeft", Duration.between(now, c.notAfter()).toDays(), "sha256",
                    c.sha256Fingerprint()));
        }
        return rows;
    }

    /** The counters of every listener and destination. */
    public static List<Map<String, Object>> counters(List<RfcListener> listeners, List<RfcDestination> destinations) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RfcListener listener : listeners) {
            ListenerStatistics s = listener.statistics();
            rows.add(row("kind", "listener", "name", listener.name(), "calls", s.calls(), "errors", s.errors(), "busy",
                    s.busy(), "peakBusy", s.peakBusy(), "bytesIn", s.bytesIn(), "bytesOut", s.bytesOut(), "sessions",
                    null));
        }
        for (RfcDestination destination : destinations) {
            DestinationStatus s = destination.status();
            rows.add(row("kind", "destination", "name", s.name(), "calls", s.calls(), "errors", s.errors(), "busy",
                    null, "peakBusy", null, "bytesIn", null, "bytesOut", null, "sessions",
                    new Ratio("open", s.openSessions(), "pool", s.poolSize())));
        }
        return rows;
    }

    /** A row as JSON takes it: a {@link Ratio} as an object of its two numbers, everything else as it is. */
    public static Map<String, Object> forJson(Map<String, Object> row) {
        Map<String, Object> json = new LinkedHashMap<>();
        row.forEach((key, value) -> json.put(key, value instanceof Ratio ratio
                ? row(ratio.partName(), ratio.part(), ratio.wholeName(), ratio.whole()) : value));
        return json;
    }

    /** An ordered row from alternating keys and values; "" is nothing, so it becomes null. */
    public static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            row.put((String) keysAndValues[i], value instanceof String text && text.isEmpty() ? null : value);
        }
        return row;
    }
}
