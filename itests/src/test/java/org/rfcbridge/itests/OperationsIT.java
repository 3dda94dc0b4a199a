package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Dictionary;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;
import javax.management.ObjectName;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.json.FunctionJson;
import org.rfcbridge.api.json.JsonText;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.trace.TraceDecoder;
import org.rfcbridge.simulators.demo.DemoSystems;
import org.rfcbridge.simulators.onprem.SimulatedAbapSystem;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * What an operations team watches, on the assembly as shipped: {@code /metrics} and the JMX MBeans count exactly
 * the calls made, the health URL turns 503 when the gateway goes and 200 when it returns, a console change leaves
 * one audit line naming the user, and none of these outputs holds a password.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OperationsIT extends RfcBridgeTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The demo cloud's password (etc/) and one this test sets: neither may be shown. */
    private static final List<String> SECRETS = List.of("PasswordForBC_USER000", "ProxySecret-4711");

    @Inject
    DemoSystems demo;

    @Inject
    SessionFactory sessions;

    @Inject
    ConfigurationAdmin configurations;

    @Inject
    ServiceComponentRuntime components;

    private SimulatedAbapSystem onPrem;
    private final List<String> outputs = new ArrayList<>();

    @Configuration
    public Option[] configuration() {
        return baseConfiguration();
    }

    @Before
    public void onPremSystem() throws Exception {
        onPrem = TutorialCaller.create();
        eventually(WAIT, "a call passes the bridge", () -> succeeds(() -> {
            onPrem.call("MYDESTINATION_000", SampleFunctions.STFC_CONNECTION.newFunction());
            return null;
        }));
    }

    private static final String HEALTH = "/rfcbridge/health";

    @Test
    public void metricsAndMBeansCountExactlyTheCallsMade() throws Exception {
        String before = metrics(ADMIN_USER + ":" + ADMIN_PASSWORD);
        long calls = sample(before, "rfcbridge_function_calls_total{function=\"STFC_CHANGING\"}");
        long errors = sample(before, "rfcbridge_function_errors_total{function=\"STFC_CHANGING\",kind=\"SYSTEM_FAILURE\"}");
        long ruleCalls = sample(before, "rfcbridge_rule_calls_total{rule=\"tutorial\"}");
        for (int i = 0; i < 3; i++) {
            onPrem.call("MYDESTINATION_000", SampleFunctions.STFC_CHANGING.newFunction());
        }
        try {
            onPrem.call("UNROUTED_000", SampleFunctions.STFC_CHANGING.newFunction());
            fail("a call without a routing rule is refused");
        } catch (SystemFailureException expected) {
            // counted below as an error of kind SYSTEM_FAILURE
        }

        // a call's record ends once its reply has gone to the gateway, so the caller may read before it is counted
        eventually(Duration.ofSeconds(10), "the four calls are counted", () -> {
            String counted = metrics(ADMIN_USER + ":" + ADMIN_PASSWORD);
            return sample(counted, "rfcbridge_function_calls_total{function=\"STFC_CHANGING\"}") >= calls + 4
                    && sample(counted, "rfcbridge_function_errors_total{function=\"STFC_CHANGING\","
                            + "kind=\"SYSTEM_FAILURE\"}") >= errors + 1;
        });
        String after = metrics(ADMIN_USER + ":" + ADMIN_PASSWORD);
        assertEquals(after, calls + 4, sample(after, "rfcbridge_function_calls_total{function=\"STFC_CHANGING\"}"));
        assertEquals(after, errors + 1, sample(after,
                "rfcbridge_function_errors_total{function=\"STFC_CHANGING\",kind=\"SYSTEM_FAILURE\"}"));
        assertEquals(after, ruleCalls + 3, sample(after, "rfcbridge_rule_calls_total{rule=\"tutorial\"}"));
        assertTrue(after, after.contains("# TYPE rfcbridge_function_call_seconds summary"));
        assertTrue(after, after.contains("rfcbridge_function_call_seconds{function=\"STFC_CHANGING\",quantile=\"0.99\"}"));
        assertEquals(after, 5, sample(after, "rfcbridge_listener_registered_connections{listener=\"CLOUD_SYSTEM_VIA_BC\"}"));
        assertTrue(after, sample(after, "rfcbridge_listener_peak_busy_connections{listener=\"CLOUD_SYSTEM_VIA_BC\"}") >= 1);
        assertTrue(after, sample(after, "rfcbridge_destination_peak_busy_sessions{destination=\"Connection_to_Cloud\"}")
                >= 1);

        Object count = ManagementFactory.getPlatformMBeanServer().getAttribute(new ObjectName(
                "org.rfcbridge:type=Function,name=\"STFC_CHANGING\",metric=calls"), "Count");
        assertEquals("the MBean counts what /metrics counts", calls + 4, ((Number) count).longValue());

        // a configuration change re-creates the listener; its counters live on in the monitoring
        org.osgi.service.cm.Configuration listener = configurations.listConfigurations("(&(service.factoryPid=org.rfcbridge.cpic.listener)"
                + "(name=Listener_to_Cloud))")[0];
        Dictionary<String, Object> properties = listener.getProperties();
        properties.put("read.timeout", 61);
        listener.update(properties);
        eventually(WAIT, "the changed listener takes calls again", () -> succeeds(() -> {
            onPrem.call("MYDESTINATION_000", SampleFunctions.STFC_CHANGING.newFunction());
            return null;
        }));
        // at least the one call that passed (a call that met the listener while it re-registered may count too)
        eventually(Duration.ofSeconds(10), "the counter goes on from where it was", () -> sample(metrics(ADMIN_USER
                + ":" + ADMIN_PASSWORD), "rfcbridge_function_calls_total{function=\"STFC_CHANGING\"}") >= calls + 5);

        assertEquals("/metrics needs the web console's login", 401, status(url("/metrics"), null));
        assertEquals("and the right password", 401, status(url("/metrics"), ADMIN_USER + ":wrong"));
        assertNoSecret("/metrics", after);
        assertNoSecret("the web page's status.json", body(url("/system/console/rfcbridge/status.json"),
                ADMIN_USER + ":" + ADMIN_PASSWORD));
    }

    @Test
    public void theHealthUrlFollowsTheGateway() throws Exception {
        eventually(WAIT, "the health URL answers 200", () -> status(url(HEALTH), null) == 200);
        demo.gateway().stop();
        try {
            eventually(Duration.ofSeconds(10), "the health URL answers 503 once the gateway is gone",
                    () -> status(url(HEALTH), null) == 503);
            String json = body(url(HEALTH), null);
            assertTrue(json, json.contains("\"overallResult\":\"CRITICAL\"") && json.contains("RFC Bridge listeners"));
            try {
                console(sessions, "rfc:health", outputs);
                fail("rfc:health fails when the URL answers 503");
            } catch (Exception expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("not healthy"));
            }
            assertTrue(String.join("\n", outputs), outputs.get(outputs.size() - 1).contains("CRITICAL"));
        } finally {
            demo.gateway().restart();
        }
        eventually(WAIT, "the health URL answers 200 again after the gateway returns",
                () -> status(url(HEALTH), null) == 200);
        assertNoSecret("the health URL", body(url(HEALTH), null));
    }

    @Test
    public void rfcHealthIsNoHealthBeforeAnyCheckIsRegistered() throws Exception {
        // as while the bridge starts: the health checks' components are not there yet
        List<ComponentDescriptionDTO> checks = components.getComponentDescriptionDTOs().stream().filter(c -> c.name
                .startsWith("org.rfcbridge.monitoring.") && c.name.endsWith("HealthCheck")).toList();
        assertEquals(checks.toString(), 4, checks.size());
        try {
            for (ComponentDescriptionDTO check : checks) {
                components.disableComponent(check).getValue();
            }
            eventually(Duration.ofSeconds(10), "the health URL answers without results",
                    () -> body(url(HEALTH), null).contains(NO_HEALTH_RESULTS));
            try {
                console(sessions, "rfc:health", outputs);
                fail("rfc:health fails while no check is registered");
            } catch (Exception expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("RFC Bridge is still starting"));
            }
        } finally {
            for (ComponentDescriptionDTO check : checks) {
                components.enableComponent(check).getValue();
            }
        }
        eventually(WAIT, "rfc:health passes once the checks are back",
                () -> succeeds(() -> console(sessions, "rfc:health", outputs)));
    }

    @Test
    public void consoleChangesLeaveOneAuditLineNamingTheUser() throws Exception {
        ConsoleUser admin = ConsoleUser.logOn(ADMIN_USER, ADMIN_PASSWORD);
        admin.run(sessions, "rfc:route-disable tutorial", outputs);
        admin.run(sessions, "rfc:route-enable tutorial", outputs);
        admin.run(sessions, "config:edit org.rfcbridge.proxy; config:property-set user proxyuser; "
                + "config:property-set password ProxySecret-4711; config:update", outputs);
        admin.run(sessions, "rfc:listener-stop Listener_to_Cloud", outputs);
        admin.run(sessions, "rfc:listener-start Listener_to_Cloud", outputs);

        Path audit = Path.of(System.getProperty("karaf.data"), "log", "audit.log");
        eventually(Duration.ofSeconds(10), "the audit log has the listener's restart", () ->
                Files.readString(audit).contains("action=listener.start listener=Listener_to_Cloud "
                        + "program.id=CLOUD_SYSTEM_VIA_BC reason=command"));
        List<String> lines = Files.readAllLines(audit);
        assertEquals(String.join("\n", lines), 1, lines.stream().filter(l -> l.contains("user=admin "
                + "action=config.update pid=org.rfcbridge.routing.rule~tutorial enabled: true -> false")).count());
        assertEquals(String.join("\n", lines), 1, lines.stream().filter(l -> l.contains("user=admin "
                + "action=config.update pid=org.rfcbridge.routing.rule~tutorial enabled: false -> true")).count());
        assertTrue(String.join("\n", lines), lines.stream().anyMatch(l -> l.contains("user=admin action=config.")
                && l.contains("pid=org.rfcbridge.proxy") && l.contains("password: (none) -> ***")
                && l.contains("user: (none) -> proxyuser")));
        assertTrue(String.join("\n", lines), lines.stream().anyMatch(l -> l.contains(
                "user=admin action=listener.stop listener=Listener_to_Cloud")));
        assertNoSecret("the audit log", String.join("\n", lines));
        assertNoSecret("the console", String.join("\n", outputs));
        Path calls = Path.of(System.getProperty("karaf.data"), "log", "calls.log");
        assertNoSecret("the call log", Files.readString(calls));
        eventually(WAIT, "the listener registered again", () -> succeeds(() -> {
            onPrem.call("MYDESTINATION_000", SampleFunctions.STFC_CONNECTION.newFunction());
            return null;
        }));
    }

    @Test
    public void aTraceOfTheNextCallIsDecodedBackToItsFunctionAndValues() throws Exception {
        console(sessions, "rfc:trace-remove --all", outputs);
        console(sessions, "rfc:trace --calls 1 Listener_to_Cloud", outputs);
        console(sessions, "rfc:trace --calls 1 Connection_to_Cloud", outputs);
        Function call = SampleFunctions.STFC_CONNECTION.newFunction();
        call.imports().setValue("REQUTEXT", "traced-call-4711");
        onPrem.call("MYDESTINATION_000", call);
        onPrem.call("MYDESTINATION_000", SampleFunctions.STFC_CONNECTION.newFunction());   // not traced: N was 1

        String listing = console(sessions, "rfc:trace-list", outputs);
        Path traces = Path.of(System.getProperty("karaf.data"), "trace");
        List<Path> files;
        try (var found = Files.list(traces)) {
            files = found.sorted().toList();
        }
        assertEquals(listing, 2, files.size());
        Path cpic = files.stream().filter(f -> f.getFileName().toString().contains("-cpic-CLOUD_SYSTEM_VIA_BC-"))
                .findFirst().orElseThrow(() -> new AssertionError("a trace of the listener: " + listing));
        Path wsrfc = files.stream().filter(f -> f.getFileName().toString().contains("-wsrfc-Connection_to_Cloud-"))
                .findFirst().orElseThrow(() -> new AssertionError("a trace of the destination: " + listing));
        assertTrue(listing, listing.contains(cpic.getFileName().toString()));
        assertEquals("readable by the owner only", "rw-------",
                java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(cpic)));

        // what ./rfcbridge decode runs, with the function's interface as a metadata file
        Path metadata = Files.writeString(traces.resolveSibling("stfc_connection.json"),
                JsonText.write(FunctionJson.toJson(SampleFunctions.STFC_CONNECTION)));
        String listener = decode(metadata, cpic);
        assertTrue(listener, listener.contains("\"function\":\"STFC_CONNECTION\""));
        assertTrue("the traced call's value, decoded from the listener's NI records: " + listener, listener.contains(
                "\"REQUTEXT\":\"traced-call-4711\""));
        String destination = decode(metadata, wsrfc);
        assertTrue(destination, destination.contains("\"kind\":\"WSRFC\""));
        assertTrue("the value in the destination's WebSocket messages: " + destination,
                destination.contains("traced-call-4711"));
        assertTrue("the password item's value is blanked", !destination.contains("PASSWORD") || destination.contains(
                "\"value\":\"***\""));
        for (Path file : files) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertNoSecret(file.getFileName().toString(), bytes);
            assertNoSecret(file.getFileName().toString(), new String(Files.readAllBytes(file),
                    StandardCharsets.UTF_16LE));
        }
        console(sessions, "rfc:trace-remove --all", outputs);
        try (var left = Files.list(traces)) {
            assertEquals(0, left.count());
        }
    }

    /**
     * What {@code ./rfcbridge decode --metadata METADATA TRACE} prints of the trace's records, as compact JSON: the
     * decoder the tool runs (the tool itself, outside Karaf, is tested by DecodeToolTest).
     */
    private static String decode(Path metadata, Path trace) throws Exception {
        TraceDecoder decoder = new TraceDecoder(ProtocolLimits.DEFAULT,
                FunctionJson.functions(JsonText.parse(Files.readString(metadata, StandardCharsets.UTF_8))));
        return JsonText.write(decoder.decode(trace));
    }

    /**
     * No password shown. (The test assembly's administrator password is its user name, which the audit log names,
     * so it cannot be looked for here; the scan of every log in TutorialEndToEndIT covers the demo's.)
     */
    private static void assertNoSecret(String where, String text) {
        for (String secret : SECRETS) {
            assertFalse(where + " shows no password", text.contains(secret));
        }
    }

    /** The value of one sample of the Prometheus text, 0 if the sample is not there yet. */
    private static long sample(String text, String name) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + HTTP_PORT + path;
    }

    private static String metrics(String credentials) throws IOException {
        HttpURLConnection connection = open(url("/metrics"), credentials);
        try {
            assertEquals(200, connection.getResponseCode());
            assertTrue(connection.getContentType(), connection.getContentType().startsWith("text/plain; version=0.0.4"));
            return new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }

    private static String body(String url, String credentials) throws IOException {
        HttpURLConnection connection = open(url, credentials);
        try {
            var in = connection.getResponseCode() < 400 ? connection.getInputStream() : connection.getErrorStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }

    private static int status(String url, String credentials) throws IOException {
        HttpURLConnection connection = open(url, credentials);
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    private static HttpURLConnection open(String url, String credentials) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        if (credentials != null) {
            connection.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return connection;
    }
}
