package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.Structure;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.simulators.demo.DemoSystems;
import org.rfcbridge.simulators.onprem.SimulatedAbapSystem;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * SAP's tutorial on the assembly as shipped: the demo configuration in {@code etc/} (CPIC server
 * Connection_to_OP, the listener for Program ID CLOUD_SYSTEM_VIA_BC with 5 connections and the cloud
 * as repository server, the rule YI3000 / MYDESTINATION_000 / * to Connection_to_Cloud, the WebSocket
 * destination with alias user BC_USER000) and the simulated systems it starts. The simulated on-prem
 * system calls through the gateway, the listener, routing and the WebSocket RFC client into the
 * simulated cloud system, and gets the cloud's answers or the right errors.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TutorialEndToEndIT extends RfcBridgeTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    DemoSystems demo;

    private SimulatedAbapSystem onPrem;

    @Configuration
    public Option[] configuration() {
        return baseConfiguration();
    }

    @Before
    public void onPremSystem() throws Exception {
        onPrem = TutorialCaller.create();
        eventually(WAIT, "SM59's connection test of MYDESTINATION_000 succeeds", () -> succeeds(() ->
                onPrem.connectionTest("MYDESTINATION_000")));
        eventually(WAIT, "a call reaches the cloud (its CA is trusted)", () -> succeeds(() -> connection("warm-up")));
    }

    private Function connection(String text) throws RfcException {
        Function call = SampleFunctions.STFC_CONNECTION.newFunction();
        call.imports().setValue("REQUTEXT", text);
        onPrem.call("MYDESTINATION_000", call);
        return call;
    }

    @Test
    public void theTutorialsCallsGoThroughWithEveryValue() throws Exception {
        assertTrue(onPrem.connectionTest("MYDESTINATION_000").toNanos() > 0);

        Function connection = connection("Hello from YI3");
        assertEquals("Hello from YI3", connection.exports().getString("ECHOTEXT"));
        assertTrue(connection.exports().getString("RESPTEXT"), connection.exports().getString("RESPTEXT")
                .contains("Sysid: CLD"));

        Function changing = SampleFunctions.STFC_CHANGING.newFunction();
        changing.imports().setValue("START_VALUE", 40);
        changing.changing().setValue("COUNTER", 2);
        onPrem.call("MYDESTINATION_000", changing);
        assertEquals(42, changing.exports().getInt("RESULT"));
        assertEquals(3, changing.changing().getInt("COUNTER"));

        Function structure = SampleFunctions.STFC_STRUCTURE.newFunction();
        Structure in = structure.imports().getStructure("IMPORTSTRUCT");
        in.setValue("RFCFLOAT", -2.25);
        in.setValue("RFCINT2", 1234);
        in.setValue("RFCINT1", 200);
        in.setValue("RFCCHAR4", "WXYZ");
        in.setValue("RFCDATE", LocalDate.of(1999, 12, 31));
        in.setValue("RFCTIME", LocalTime.of(23, 59, 58));
        in.setValue("RFCDATA2", "Umlaute äöü");
        onPrem.call("MYDESTINATION_000", structure);
        Structure echo = structure.exports().getStructure("ECHOSTRUCT");
        assertEquals(-2.25, echo.getDouble("RFCFLOAT"), 0);
        assertEquals(1234, echo.getInt("RFCINT2"));
        assertEquals(200, echo.getInt("RFCINT1"));
        assertEquals("WXYZ", echo.getString("RFCCHAR4"));
        assertEquals(LocalDate.of(1999, 12, 31), echo.getDate("RFCDATE"));
        assertEquals(LocalTime.of(23, 59, 58), echo.getTime("RFCTIME"));
        assertEquals("Umlaute äöü", echo.getString("RFCDATA2"));
        assertEquals(1, structure.tables().getTable("RFCTABLE").getNumRows());

        Function flights = SampleFunctions.BAPI_FLIGHT_GETLIST.newFunction();
        flights.imports().setValue("AIRLINE", "LH");
        onPrem.call("MYDESTINATION_000", flights);
        Table list = flights.tables().getTable("FLIGHT_LIST");
        assertEquals(3, list.getNumRows());
        list.setRow(0);
        assertEquals("0400", list.getString("CONNECTID"));
        assertEquals("FRANKFURT", list.getString("CITYFROM"));
        assertEquals("NEW YORK", list.getString("CITYTO"));
        assertEquals(LocalTime.of(10, 10), list.getTime("DEPTIME"));
        assertEquals(new BigDecimal("666.0000"), list.getBigDecimal("PRICE"));
        Table messages = flights.tables().getTable("RETURN");
        messages.setRow(0);
        assertEquals("3 flights found", messages.getString("MESSAGE"));
    }

    /** 50,000 rows of 512 bytes (25.6 MB): more than one reply part, so the table streams through the bridge. */
    @Test
    public void aLargeTablePassesThroughIntact() throws Exception {
        Function read = SampleFunctions.Z_RFCBRIDGE_READ_ROWS.newFunction();
        read.imports().setValue("ROW_COUNT", 50_000);
        read.imports().setValue("ROW_WIDTH", 512);
        onPrem.call("MYDESTINATION_000", read);
        GeneratedRows.check(read.tables().getTable("DATA"), 50_000, 499);
    }

    /**
     * 50,000 rows of 264 bytes (13 MB) from the caller to the cloud (issue 21), with the bridge's memory for large
     * requests set to 1 MB: a request gathered whole would be refused (MemoryGuardTest), so this one went on to the
     * cloud while it arrived. The cloud returns the rows it got and one more; each is compared, value by value.
     */
    @Test
    public void aLargeRequestTableStreamsToTheCloudIntact() throws Exception {
        org.osgi.service.cm.Configuration memory = configurations.getConfiguration("org.rfcbridge.memory", "?");
        java.util.Hashtable<String, Object> tiny = new java.util.Hashtable<>();
        tiny.put("max.large.requests.mb", 1);
        memory.update(tiny);
        try {
            Function structure = SampleFunctions.STFC_STRUCTURE.newFunction();
            structure.imports().getStructure("IMPORTSTRUCT").setValue("RFCDATA1", "the last row");
            Table rows = structure.tables().getTable("RFCTABLE");
            int count = 50_000;
            for (int i = 0; i < count; i++) {
                rows.appendRow();
                rows.setValue("RFCINT4", i);
                rows.setValue("RFCCHAR4", Integer.toString(i % 10_000));
                rows.setValue("RFCDATA1", "row " + i + " to the cloud");
                rows.setValue("RFCDATA2", Integer.toHexString(i * 31));
            }
            java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
            eventually(WAIT, "the bridge has the 1 MB setting", () -> java.nio.file.Files.readString(log)
                    .contains("org.rfcbridge.memory: large relayed requests may hold 1 MB at once"));
            // uncompressed, so that the request is as large as its rows (SAP's LZH would shrink these to 850 KB)
            TutorialCaller.create(TableCompression.NONE).call("MYDESTINATION_000", structure);
            Table back = structure.tables().getTable("RFCTABLE");
            back.setRow(0);
            String first = back.getString("RFCDATA1");
            back.setRow(back.getNumRows() - 1);
            assertEquals(structure.exports().getString("RESPTEXT") + "; first " + first + ", last "
                    + back.getString("RFCDATA1"), count + 1, back.getNumRows());
            for (int i = 0; i < count; i++) {
                back.setRow(i);
                assertEquals(i, back.getInt("RFCINT4"));
                assertEquals(Integer.toString(i % 10_000), back.getString("RFCCHAR4"));
                assertEquals("row " + i + " to the cloud", back.getString("RFCDATA1"));
                assertEquals(Integer.toHexString(i * 31), back.getString("RFCDATA2"));
            }
            back.setRow(count);
            assertEquals("the last row", back.getString("RFCDATA1"));
            assertTrue(structure.exports().getString("RESPTEXT"), structure.exports().getString("RESPTEXT")
                    .contains((count + 1) + " rows"));
        } finally {
            memory.delete();
        }
    }

    @Inject
    org.osgi.service.cm.ConfigurationAdmin configurations;

    @Test
    public void refusedFunctionsAndMissingRoutesReachTheCallerAsSystemFailures() throws Exception {
        demo.cloud().refuse("STFC_CHANGING");
        try {
            onPrem.call("MYDESTINATION_000", SampleFunctions.STFC_CHANGING.newFunction());
            fail("the cloud refuses STFC_CHANGING");
        } catch (SystemFailureException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("Function module STFC_CHANGING is not allowed for user "
                    + "BC_USER000 by its communication arrangement"));
        } finally {
            demo.cloud().allow("STFC_CHANGING");
        }
        try {
            onPrem.call("UNROUTED_000", SampleFunctions.STFC_CONNECTION.newFunction());
            fail("no rule routes UNROUTED_000");
        } catch (SystemFailureException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("No routing rule matches sender YI3000, receiver "
                    + "UNROUTED_000 and function STFC_CONNECTION"));
        }
        assertEquals("after errors", connection("after errors").exports().getString("ECHOTEXT"));
    }

    @Test
    public void aCloudOutageIsACommunicationFailureAndTheBridgeRecovers() throws Exception {
        demo.stopCloud();
        try {
            connection("into the outage");
            fail("the cloud is down");
        } catch (CommunicationFailureException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("Connection_to_Cloud"));
        } finally {
            demo.restartCloud();
        }
        eventually(WAIT, "calls go through again once the cloud is back (with a new CA in etc/trust)",
                () -> succeeds(() -> connection("back")));
    }

    @Test
    public void aGatewayRestartIsSurvived() throws Exception {
        demo.gateway().stop();
        try {
            connection("into the gateway outage");
            fail("the gateway is down");
        } catch (CommunicationFailureException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("MYDESTINATION_000")
                    && e.getMessage().contains("127.0.0.1:" + GATEWAY_PORT));
        } finally {
            demo.gateway().restart();
        }
        eventually(WAIT, "the listener registers again and SM59's test succeeds", () -> succeeds(() ->
                onPrem.connectionTest("MYDESTINATION_000")));
        assertEquals("after the restart", connection("after the restart").exports().getString("ECHOTEXT"));
    }

    @Test
    public void editingTheRuleFileChangesRoutingAtRunTime() throws Exception {
        Path rule = Path.of(System.getProperty("karaf.etc")).resolve("org.rfcbridge.routing.rule-tutorial.cfg");
        String shipped = Files.readString(rule, StandardCharsets.UTF_8);
        try {
            Files.writeString(rule, shipped.replace("function = *", "function = BAPI_*"), StandardCharsets.UTF_8);
            eventually(WAIT, "STFC_CONNECTION is no longer routed", () -> {
                try {
                    connection("still routed?");
                    return false;
                } catch (SystemFailureException e) {
                    return e.getMessage().contains("No routing rule matches");
                }
            });
        } finally {
            Files.writeString(rule, shipped, StandardCharsets.UTF_8);
        }
        eventually(WAIT, "the restored rule routes STFC_CONNECTION again", () -> succeeds(() -> connection("again")));
    }

    @Test
    public void eachCallIsOneLineOfTheCallLogAndAnErrorNamesItsLine() throws Exception {
        Path callLog = Path.of(System.getProperty("karaf.data")).resolve("log/calls.log");
        // a function no @Before calls: the log is written asynchronously, so the warm-up's line may land late
        String okPrefix = "listener=CLOUD_SYSTEM_VIA_BC sender=YI3000 receiver=MYDESTINATION_000 user=DEVELOPER "
                + "function=STFC_CHANGING rule=tutorial destination=Connection_to_Cloud ";
        java.util.function.Predicate<String> ok = l -> l.contains(okPrefix) && l.endsWith(" result=OK");
        long before = linesWith(callLog, ok);
        onPrem.call("MYDESTINATION_000", SampleFunctions.STFC_CHANGING.newFunction());
        eventually(WAIT, "the call log has one more line of the successful call",
                () -> linesWith(callLog, ok) == before + 1);
        String callId;
        try {
            onPrem.call("UNROUTED_000", SampleFunctions.STFC_CONNECTION.newFunction());
            throw new AssertionError("no rule routes UNROUTED_000");
        } catch (SystemFailureException e) {
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("RFC Bridge call ([0-9a-f]{12}): ")
                    .matcher(e.getMessage());
            assertTrue(e.getMessage(), id.find());
            callId = id.group(1);
        }
        String failed = "call=" + callId + " listener=CLOUD_SYSTEM_VIA_BC sender=YI3000 receiver=UNROUTED_000 "
                + "user=DEVELOPER function=STFC_CONNECTION rule=- destination=- ";
        eventually(WAIT, "the call log names the failed call by the id its caller got",
                () -> linesWith(callLog, l -> l.contains(failed)) == 1);
        String line = Files.readAllLines(callLog, StandardCharsets.UTF_8).stream().filter(l -> l.contains(failed))
                .findFirst().orElseThrow();
        assertTrue(line, line.contains(" result=SYSTEM_FAILURE text=\"No routing rule matches sender YI3000"));
        assertTrue(line, line.matches(".* ms\\.total=[0-9.]+ ms\\.bridge=[0-9.]+ ms\\.cloud=0\\.000 .*"));
        assertTrue("the line starts with the time the call ended: " + line,
                line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d,\\d{3} call=.*"));
    }

    private static long linesWith(Path file, java.util.function.Predicate<String> line) throws java.io.IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line).count();
    }

    @Test
    public void noLogHoldsThePassword() throws Exception {
        connection("logged?");
        Path logs = Path.of(System.getProperty("karaf.data")).resolve("log");
        assertTrue("the log is written", Files.readString(logs.resolve("karaf.log"), StandardCharsets.UTF_8)
                .contains("Connection_to_Cloud"));
        try (var files = Files.list(logs)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse("the demo password is not in " + file.getFileName(), text.contains("PasswordForBC_USER000"));
            }
        }
    }
}
