package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.rfcbridge.api.RoutingRules;
import org.rfcbridge.api.json.JsonText;

/**
 * The {@code rfc:*} console commands on the demo configuration: tables for people, {@code --json}
 * for scripts, failures as exceptions (a non-zero exit through {@code bin/client}), route changes
 * written to {@code etc/}, and never a password in any output.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsoleCommandsIT extends RfcBridgeTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    SessionFactory sessionFactory;

    @Inject
    RoutingRules routingRules;

    /** Every output of this test, checked for passwords at the end of each test that adds to it. */
    private final List<String> outputs = new ArrayList<>();

    @Configuration
    public Option[] configuration() {
        return baseConfiguration();
    }

    @Before
    public void demoIsUp() throws Exception {
        eventually(WAIT, "the cloud destination answers rfc:server-test", () -> {
            try {
                return execute("rfc:server-test Connection_to_Cloud").contains("RESULT: OK");
            } catch (Exception e) {
                return false;
            }
        });
        eventually(WAIT, "the listener has its 5 connections", () -> execute("rfc:listener-list").contains("5/5"));
    }

    private String execute(String command) throws Exception {
        return console(sessionFactory, command, outputs);
    }

    private String failure(String command) throws Exception {
        try {
            execute(command);
        } catch (Exception e) {
            outputs.add(e.getMessage());
            return e.getMessage();
        }
        fail(command + " should have failed");
        return null;
    }

    /** No password in any output so far, and no colour codes either (scripts read these outputs). */
    private void noPasswordAnywhere() {
        for (String output : outputs) {
            assertFalse(output, output.contains("PasswordForBC_USER000"));
            assertFalse("no ANSI escape: " + output, output.indexOf('\u001b') >= 0);
        }
    }

    /** The rows of a listing's JSON, after checking its head: the command that printed it and the version. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> jsonRows(String output) {
        Map<String, Object> document = (Map<String, Object>) JsonText.parse(output);
        assertTrue(output, document.get("command").toString().startsWith("rfc:"));
        assertEquals(output, 1L, ((Number) document.get("version")).longValue());
        return (List<Map<String, Object>>) document.get("rows");
    }

    /** A JSON object of numbers with the numbers as longs, for comparing. */
    private static Map<String, Long> numbers(Map<?, ?> object) {
        Map<String, Long> numbers = new java.util.HashMap<>();
        object.forEach((key, value) -> numbers.put(key.toString(), ((Number) value).longValue()));
        return numbers;
    }

    @Test
    public void serversListenersAndTheConnectionTest() throws Exception {
        String servers = execute("rfc:server-list");
        assertTrue(servers, servers.contains("Connection_to_OP") && servers.contains("CPIC")
                && servers.contains("127.0.0.1:" + GATEWAY_PORT) && servers.contains("Listener_to_Cloud ALIVE"));
        assertTrue(servers, servers.contains("Connection_to_Cloud") && servers.contains("WebSocket")
                && servers.contains("wss://localhost:" + CLOUD_PORT + "/sap/bc/rfc"));
        Map<String, Object> cloud = jsonRows(execute("rfc:server-list --json")).stream()
                .filter(r -> r.get("name").equals("Connection_to_Cloud")).findFirst().orElseThrow();
        assertEquals("ALIVE", cloud.get("state"));

        String test = execute("rfc:server-test Connection_to_Cloud");
        assertTrue(test, test.contains("RESULT: OK") && test.contains("logon and RFC_PING"));
        Map<?, ?> json = (Map<?, ?>) JsonText.parse(execute("rfc:server-test --json Connection_to_OP"));
        assertEquals("OK", json.get("result"));
        assertEquals("rfc:server-test", json.get("command"));
        assertEquals("two counts are two numbers", Map.of("registered", 5L, "configured", 5L),
                numbers((Map<?, ?>) json.get("registered")));
        assertTrue(failure("rfc:server-test Connection_Nowhere").contains("No SAP server named Connection_Nowhere"));

        // a connection that has just answered the test is BUSY until it has re-armed
        eventually(WAIT, "the listener is ALIVE", () -> "ALIVE".equals(jsonRows(execute("rfc:listener-list --json"))
                .get(0).get("state")));
        Map<String, Object> listener = jsonRows(execute("rfc:listener-list --json")).get(0);
        assertEquals("Listener_to_Cloud", listener.get("name"));
        assertEquals("CLOUD_SYSTEM_VIA_BC", listener.get("programId"));
        assertEquals(Map.of("registered", 5L, "configured", 5L), numbers((Map<?, ?>) listener.get("connections")));
        assertTrue("no error is null, not \"\": " + listener, listener.containsKey("lastError")
                && listener.get("lastError") == null);
        execute("rfc:listener-stop Listener_to_Cloud");
        eventually(WAIT, "the listener is STOPPED", () -> execute("rfc:listener-list").contains("STOPPED"));
        assertTrue(failure("rfc:server-test Connection_to_OP").contains("no connection registered"));
        execute("rfc:listener-start Listener_to_Cloud");
        eventually(WAIT, "the listener registers again", () -> execute("rfc:listener-list").contains("5/5"));
        // service properties are shown to anyone with the console or the web console's Services page
        String services = execute("service:list org.rfcbridge.api.RfcDestination") + execute("service:list "
                + "org.rfcbridge.api.TrustService") + execute("service:list org.rfcbridge.api.ProxyConfiguration");
        assertTrue(services, services.contains("Connection_to_Cloud") && services.contains("alias.user = BC_USER000"));
        assertFalse(services, java.util.regex.Pattern.compile("(?m)^\\s*\\S*password = ").matcher(services).find());
        noPasswordAnywhere();
    }

    @Test
    public void routesAreAddedSwitchedAndRemovedInEtc() throws Exception {
        Path file = Path.of(System.getProperty("karaf.etc")).resolve("org.rfcbridge.routing.rule-console.cfg");
        execute("rfc:route-add --order 50 --functions-allowed BAPI_* console YI3000 OTHER_000 'BAPI_*' "
                + "Connection_to_Cloud");
        assertTrue("the rule is written to etc/", Files.readString(file).contains("Connection_to_Cloud"));
        eventually(WAIT, "the file is read as a rule", () -> execute("rfc:route-list").contains("OTHER_000"));
        List<Map<String, Object>> rules = jsonRows(execute("rfc:route-list --json"));
        assertEquals("console", rules.get(0).get("id"));
        assertEquals("tutorial", rules.get(1).get("id"));
        assertTrue(execute("rfc:route-list").contains("MYDESTINATION_000"));
        assertTrue(failure("rfc:route-add console A B C D").contains("exists already"));

        execute("rfc:route-disable console");
        eventually(WAIT, "etc/ says disabled", () -> Files.readString(file).contains("false"));
        assertEquals("false", jsonRows(execute("rfc:route-list --json")).get(0).get("enabled").toString());
        execute("rfc:route-enable console");
        eventually(WAIT, "etc/ says enabled", () -> Files.readString(file).contains("true"));

        execute("rfc:route-order console 150");
        eventually(WAIT, "the moved rule is tried after the tutorial's", () ->
                jsonRows(execute("rfc:route-list --json")).get(1).get("id").equals("console"));

        execute("rfc:route-remove console");
        eventually(WAIT, "the file is gone from etc/", () -> !Files.exists(file));
        assertTrue(failure("rfc:route-remove console").contains("No routing rule console"));
        noPasswordAnywhere();
    }

    /**
     * A rule added at run time (console, web page) is written by Karaf's own .cfg writer: what a field holds stays
     * in that field, escaped as Karaf escapes; a line break, which a hand-built file would have turned into keys
     * of its own, and {@code ${...}}, which Karaf would replace when it reads the file, are refused naming the field.
     */
    @Test
    public void aRuleFieldStaysOneFieldInTheFile() throws Exception {
        IllegalArgumentException injected = org.junit.Assert.assertThrows(IllegalArgumentException.class,
                () -> routingRules.add(new RoutingRules.Rule("injected", 10, true, "YI3000\nenabled = false",
                        "MYDESTINATION_000", "*", "RFC", "Connection_to_Cloud", "")));
        assertTrue(injected.getMessage(), injected.getMessage().startsWith("field sender holds a line break"));
        Path injectedFile = Path.of(System.getProperty("karaf.etc")).resolve("org.rfcbridge.routing.rule-injected.cfg");
        assertFalse("nothing written", Files.exists(injectedFile));

        IllegalArgumentException interpolated = org.junit.Assert.assertThrows(IllegalArgumentException.class,
                () -> routingRules.add(new RoutingRules.Rule("interpolated", 10, true, "YI3000", "${karaf.home}",
                        "*", "RFC", "Connection_to_Cloud", "")));
        assertTrue(interpolated.getMessage(), interpolated.getMessage().startsWith("field receiver holds ${...}"));

        String odd = "ODD#1 = a:b\\c $x ! é";
        routingRules.add(new RoutingRules.Rule("escaped", 10, false, "YI3000", odd, "*", "RFC", "Connection_to_Cloud",
                ""));
        Path file = Path.of(System.getProperty("karaf.etc")).resolve("org.rfcbridge.routing.rule-escaped.cfg");
        eventually(WAIT, "the rule is read back", () -> routingRules.list().stream().anyMatch(r -> r.id().equals(
                "escaped")));
        RoutingRules.Rule read = routingRules.list().stream().filter(r -> r.id().equals("escaped")).findFirst()
                .orElseThrow();
        assertEquals("the receiver is read back as written", odd, read.receiver());
        assertEquals("no other key came from it", "YI3000", read.sender());
        assertTrue(Files.readString(file), Files.exists(file));
        routingRules.remove("escaped");
        eventually(WAIT, "the file is gone", () -> !Files.exists(file));
    }

    @Test
    public void trustMetadataCallsAndStatistics() throws Exception {
        String trust = execute("rfc:trust-list");
        assertTrue(trust, trust.contains("simulated-cloud-ca.pem") && trust.contains("Simulated Cloud CA"));
        assertTrue(execute("rfc:trust-reload").contains("trusted certificates"));

        String metadata = execute("rfc:metadata Connection_to_Cloud STFC_STRUCTURE");
        assertTrue(metadata, metadata.contains("IMPORTSTRUCT") && metadata.contains("RFCTEST (264 bytes)"));
        Map<?, ?> json = (Map<?, ?>) JsonText.parse(execute("rfc:metadata --json Connection_to_Cloud STFC_CONNECTION"));
        assertEquals("STFC_CONNECTION", json.get("name"));
        assertTrue(failure("rfc:metadata Connection_to_Cloud Z_NOT_THERE").contains("does not know"));

        Map<?, ?> call = (Map<?, ?>) JsonText.parse(execute("rfc:call Connection_to_Cloud STFC_CONNECTION "
                + "'{\"REQUTEXT\":\"from the console\"}'"));
        assertEquals("from the console", ((Map<?, ?>) call.get("result")).get("ECHOTEXT"));
        String raised = failure("rfc:call Connection_to_Cloud Z_RFCBRIDGE_RAISE '{\"KIND\":\"ABAP_EXCEPTION\"}'");
        assertTrue(raised, raised.contains("ABAP_EXCEPTION") && raised.contains("NOT_FOUND"));

        List<Map<String, Object>> stats = jsonRows(execute("rfc:stats --json"));
        assertTrue(stats.stream().anyMatch(r -> r.get("name").equals("Connection_to_Cloud")
                && ((Number) r.get("calls")).longValue() >= 2));
        assertTrue(stats.stream().anyMatch(r -> r.get("name").equals("Listener_to_Cloud")));
        noPasswordAnywhere();
    }

    @Test
    @SuppressWarnings("unchecked")
    public void anExportIsImportedWholeOrNotAtAll() throws Exception {
        Path data = Path.of(System.getProperty("karaf.data"));
        Path export = data.resolve("bridge-config.json");
        String written = execute("rfc:config-export " + export);
        assertTrue(written, written.contains("Exported "));
        String text = JsonText.write(JsonText.parse(Files.readString(export)));
        assertTrue(text, text.contains("\"factoryPid\":\"org.rfcbridge.routing.rule\"")
                && text.contains("\"name\":\"tutorial\"") && text.contains("\"password\":\"(not exported)\""));
        assertFalse("no secret in the export", text.contains("PasswordForBC_USER000"));
        assertFalse("no simulator configuration", text.contains("org.rfcbridge.simulators"));
        assertEquals("owner only", "rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(export)));
        String digest = execute("rfc:config-export --digest").trim();
        assertTrue(digest, digest.matches("[0-9a-f]{64}") && text.contains(digest));

        // a changed file, an unknown PID, a wrong type: refused, nothing changed
        Files.writeString(data.resolve("changed.json"), text.replace("YI3000", "XX9000"));
        assertTrue(failure("rfc:config-import " + data.resolve("changed.json")).contains("checksum"));
        Path unknown = resigned(text, data.resolve("unknown.json"), entries -> entries.add(new java.util.LinkedHashMap<>(
                Map.of("pid", "org.rfcbridge.nothing", "properties", Map.of("x", "1")))));
        assertTrue(failure("rfc:config-import " + unknown).contains("unknown PID org.rfcbridge.nothing"));
        Path wrongType = resigned(text, data.resolve("type.json"), entries -> {
            for (Object entry : entries) {
                Map<String, Object> configuration = (Map<String, Object>) entry;
                if ("tutorial".equals(configuration.get("name"))) {
                    ((Map<String, Object>) configuration.get("properties")).put("order", "first");
                }
            }
        });
        String typeRefused = failure("rfc:config-import " + wrongType);
        assertTrue(typeRefused, typeRefused.contains("field order 'first' is not a number")
                && typeRefused.contains("nothing was changed"));
        assertEquals("nothing was changed", digest, execute("rfc:config-export --digest").trim());
        String before = execute("rfc:route-list");
        execute("rfc:route-order tutorial 77");
        eventually(WAIT, "the rule moved", () -> execute("rfc:route-list").contains("77"));
        assertFalse(execute("rfc:config-export --digest").trim().equals(digest));

        // the export applied again: the rule back where it was, the password kept (the destination still logs on)
        String imported = execute("rfc:config-import " + export);
        assertTrue(imported, imported.contains("updated org.rfcbridge.routing.rule~tutorial"));
        eventually(WAIT, "the rule is back in its order", () -> execute("rfc:route-list").equals(before));
        assertEquals("the same configuration, the same digest", digest, execute("rfc:config-export --digest").trim());
        eventually(WAIT, "the destination still logs on with its kept password", () -> {
            try {
                return execute("rfc:server-test Connection_to_Cloud").contains("RESULT: OK");
            } catch (Exception e) {
                return false;
            }
        });
        noPasswordAnywhere();
    }

    /** The export changed by {@code change} and signed again, as a wrong or foreign file with a right checksum. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Path resigned(String export, Path file, java.util.function.Consumer<List> change) throws Exception {
        Map<String, Object> archive = (Map<String, Object>) JsonText.parse(export);
        List entries = (List) archive.get("configurations");
        change.accept(entries);
        archive.put("sha256", java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(JsonText.write(entries).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        return Files.writeString(file, JsonText.writePretty(archive));
    }
}
