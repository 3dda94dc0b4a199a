package org.rfcbridge.wsrfc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfcbridge.api.AbapException;
import org.rfcbridge.api.AbapMessageException;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.DestinationStatus;
import org.rfcbridge.api.LogonFailureException;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.Structure;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.api.metadata.FieldMetadata;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.api.metadata.ParameterMetadata;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.simulators.cloud.SimulatedCloudSystem;
import org.rfcbridge.simulators.samples.SampleFunctions;
import org.rfcbridge.simulators.tls.CertificateAuthority;

/**
 * The destination as the bridge uses it, against the simulated cloud system over real TLS with the
 * real Jetty client: functions, metadata, every logon and certificate failure, timeouts, drops,
 * the pool and keep-alive. Metadata always comes from the cloud's DDIC through the destination,
 * so a call tests the look-up too.
 */
class WsRfcDestinationTest {
    private static final WsRfcDestination.PoolSettings POOL = new WsRfcDestination.PoolSettings(5, Duration.ZERO,
            Duration.ofSeconds(1));

    private CloudFixture fixture;
    private final List<WsRfcDestination> destinations = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        destinations.forEach(WsRfcDestination::close);
        if (fixture != null) {
            fixture.close();
        }
    }

    private WsRfcDestination destination(WsRfcSettings settings, WsRfcDestination.PoolSettings pool) throws Exception {
        X509TrustManager trust = CloudFixture.trustManager(fixture.cloud.caPem());
        WsRfcDestination destination = WsRfcDestination.start(settings, pool,
                FollowingTrustManager.context(null, () -> trust), null, ProtocolLimits.DEFAULT);
        destinations.add(destination);
        return destination;
    }

    private WsRfcDestination tutorial() throws Exception {
        fixture = new CloudFixture();
        return destination(fixture.tutorial(), POOL);
    }

    private static Function call(WsRfcDestination destination, String name) throws Exception {
        return destination.getFunctionMetadata(name).orElseThrow().newFunction();
    }

    /** table.compression = lzh: the request's table travels compressed and the cloud reads every row of it. */
    @Test
    void aDestinationThatCompressesSendsItsTablesCompressed() throws Exception {
        fixture = new CloudFixture();
        WsRfcSettings t = fixture.tutorial();
        WsRfcDestination destination = destination(new WsRfcSettings(t.name(), t.host(), t.port(), t.path(),
                t.subprotocol(), t.headerOverrides(), t.user(), t.password(), t.client(), t.language(),
                t.connectTimeout(), t.callTimeout(), org.rfcbridge.protocol.classic.TableCompression.LZH), POOL);
        Function structure = call(destination, "STFC_STRUCTURE");
        org.rfcbridge.api.data.Table rows = structure.tables().getTable("RFCTABLE");
        for (int i = 0; i < 2000; i++) {
            rows.appendRow();
            rows.setValue("RFCINT4", i);
            rows.setValue("RFCDATA1", "row " + i);
        }
        destination.execute(structure);
        assertEquals(2001, rows.getNumRows());
        rows.setRow(1999);
        assertEquals("row 1999", rows.getString("RFCDATA1"));
        assertTrue(structure.exports().getString("RESPTEXT").endsWith("2001 rows"));
    }

    @Test
    void pingIsTheSm59ConnectionTest() throws Exception {
        WsRfcDestination destination = tutorial();
        assertTrue(destination.ping().toNanos() > 0);
        assertEquals(1, fixture.count("logged on to client 100"));
        assertEquals(1, fixture.count("cloud: RFC_PING for BC_USER000"));
        DestinationStatus status = destination.status();
        assertEquals(ConnectionState.ALIVE, status.state());
        assertEquals("wss://localhost:" + fixture.cloud.port() + "/sap/bc/rfc", status.address());
        assertEquals(1, status.openSessions());
        assertEquals(5, status.poolSize());
        assertEquals(1, status.calls());
        assertEquals(0, status.errors());
    }

    @Test
    void theSampleFunctionsGoThroughWithTheirValues() throws Exception {
        WsRfcDestination destination = tutorial();
        Function connection = call(destination, "STFC_CONNECTION");
        connection.imports().setValue("REQUTEXT", "Hello from YI3");
        destination.execute(connection);
        assertEquals("Hello from YI3", connection.exports().getString("ECHOTEXT"));
        assertTrue(connection.exports().getString("RESPTEXT").contains("Sysid: CLD"));

        Function changing = call(destination, "STFC_CHANGING");
        changing.imports().setValue("START_VALUE", 10);
        changing.changing().setValue("COUNTER", 5);
        destination.execute(changing);
        assertEquals(15, changing.exports().getInt("RESULT"));
        assertEquals(6, changing.changing().getInt("COUNTER"));

        Function structure = call(destination, "STFC_STRUCTURE");
        Structure in = structure.imports().getStructure("IMPORTSTRUCT");
        in.setValue("RFCFLOAT", 1.5);
        in.setValue("RFCCHAR4", "ABCD");
        in.setValue("RFCINT4", 123456);
        in.setValue("RFCHEX3", new byte[] {1, 2, 3});
        in.setValue("RFCDATE", LocalDate.of(2026, 11, 24));
        in.setValue("RFCTIME", LocalTime.of(6, 15, 0));
        in.setValue("RFCDATA1", "first");
        structure.tables().getTable("RFCTABLE").appendRow();
        destination.execute(structure);
        Structure echo = structure.exports().getStructure("ECHOSTRUCT");
        assertEquals(1.5, echo.getDouble("RFCFLOAT"));
        assertEquals("ABCD", echo.getString("RFCCHAR4"));
        assertEquals(123456, echo.getInt("RFCINT4"));
        assertArrayEquals(new byte[] {1, 2, 3}, echo.getBytes("RFCHEX3"));
        assertEquals(LocalDate.of(2026, 11, 24), echo.getDate("RFCDATE"));
        assertEquals(LocalTime.of(6, 15, 0), echo.getTime("RFCTIME"));
        assertEquals("first", echo.getString("RFCDATA1"));
        Table rows = structure.tables().getTable("RFCTABLE");
        assertEquals(2, rows.getNumRows());
        rows.setRow(1);
        assertEquals(123456, rows.getInt("RFCINT4"));
    }

    @Test
    void theFlightListComesBackWithStructuredRows() throws Exception {
        WsRfcDestination destination = tutorial();
        Function flights = call(destination, "BAPI_FLIGHT_GETLIST");
        flights.imports().setValue("AIRLINE", "LH");
        destination.execute(flights);
        Table list = flights.tables().getTable("FLIGHT_LIST");
        assertEquals(3, list.getNumRows());
        list.setRow(2);
        assertEquals("2402", list.getString("CONNECTID"));
        assertEquals("BERLIN", list.getString("CITYTO"));
        assertEquals(LocalTime.of(10, 30), list.getTime("DEPTIME"));
        assertEquals(new BigDecimal("242.0000"), list.getBigDecimal("PRICE"));
        assertEquals("EUR", list.getString("CURR"));
        Table messages = flights.tables().getTable("RETURN");
        messages.setRow(0);
        assertEquals("S", messages.getString("TYPE"));
        assertEquals("3 flights found", messages.getString("MESSAGE"));
    }

    @Test
    void generatedRowsArriveByteForByte() throws Exception {
        WsRfcDestination destination = tutorial();
        Function read = call(destination, "Z_RFCBRIDGE_READ_ROWS");
        read.imports().setValue("ROW_COUNT", 2_000);
        read.imports().setValue("ROW_WIDTH", 512);
        destination.execute(read);
        Table data = read.tables().getTable("DATA");
        assertEquals(2_000, data.getNumRows());
        byte[] row = new byte[512];
        for (int i = 0; i < 2_000; i += 199) {
            data.copyRowTo(i, row, 0);
            for (int j = 0; j < 512; j++) {
                assertEquals((byte) (i + j), row[j], "row " + i + " byte " + j);
            }
        }
    }

    @Test
    void abapErrorsArriveAsTheirKindAndKeepTheSession() throws Exception {
        WsRfcDestination destination = tutorial();
        Function raise = call(destination, "Z_RFCBRIDGE_RAISE");
        raise.imports().setValue("KIND", "ABAP_EXCEPTION");
        AbapException exception = assertThrows(AbapException.class, () -> destination.execute(raise));
        assertEquals("NOT_FOUND", exception.key());
        raise.imports().setValue("KIND", "ABAP_MESSAGE");
        AbapMessageException message = assertThrows(AbapMessageException.class, () -> destination.execute(raise));
        assertEquals("SR", message.abapMessage().messageClass());
        assertEquals("012", message.abapMessage().number());
        raise.imports().setValue("KIND", "SYSTEM_FAILURE");
        SystemFailureException failure = assertThrows(SystemFailureException.class, () -> destination.execute(raise));
        assertTrue(failure.getMessage().contains("Division by zero"), failure.getMessage());
        assertEquals(1, fixture.count("logged on"), "ABAP errors do not cost the session");
    }

    @Test
    void metadataComesFromTheCloudsDdicAndIsCachedUntilInvalidated() throws Exception {
        WsRfcDestination destination = tutorial();
        FunctionMetadata read = destination.getFunctionMetadata("BAPI_FLIGHT_GETLIST").orElseThrow();
        FunctionMetadata expected = SampleFunctions.BAPI_FLIGHT_GETLIST;
        assertEquals(expected.parameters().size(), read.parameters().size());
        for (ParameterMetadata p : expected.parameters()) {
            ParameterMetadata q = read.parameter(p.name());
            assertEquals(p.direction(), q.direction(), p.name());
            assertEquals(p.type(), q.type(), p.name());
            assertEquals(p.length(), q.length(), p.name());
            if (p.recordType() != null) {
                assertEquals(p.recordType().byteLength(), q.recordType().byteLength(), p.name());
                for (FieldMetadata f : p.recordType().fields()) {
                    FieldMetadata g = q.recordType().find(f.name());
                    assertEquals(f.offset(), g.offset(), p.name() + "-" + f.name());
                    assertEquals(f.type(), g.type(), p.name() + "-" + f.name());
                    assertEquals(f.decimals(), g.decimals(), p.name() + "-" + f.name());
                }
            }
        }
        assertEquals(1, fixture.count("RFC_GET_FUNCTION_INTERFACE"));
        assertEquals(2, fixture.count("DDIF_FIELDINFO_GET"), "one look-up per structure");
        destination.getFunctionMetadata("BAPI_FLIGHT_GETLIST");
        assertEquals(1, fixture.count("RFC_GET_FUNCTION_INTERFACE"), "cached");
        destination.invalidate("BAPI_FLIGHT_GETLIST");
        destination.getFunctionMetadata("BAPI_FLIGHT_GETLIST");
        assertEquals(2, fixture.count("RFC_GET_FUNCTION_INTERFACE"), "read again after invalidate");
        destination.invalidateAll();
        destination.getFunctionMetadata("BAPI_FLIGHT_GETLIST");
        assertEquals(3, fixture.count("RFC_GET_FUNCTION_INTERFACE"), "read again after invalidateAll");
        assertTrue(destination.getFunctionMetadata("Z_DOES_NOT_EXIST").isEmpty());
    }

    @Test
    void wrongUserPasswordOrClientIsALogonFailureWithTheServersText() throws Exception {
        fixture = new CloudFixture();
        Duration t = Duration.ofSeconds(5);
        LogonFailureException password = assertThrows(LogonFailureException.class, () -> destination(
                fixture.settings("localhost", "BC_USER000", "PasswordForBC_USER001", "100", t), POOL).ping());
        assertEquals("Destination Connection_to_Cloud refused the logon: Name or password is incorrect (repeat logon)",
                password.getMessage());
        LogonFailureException alias = assertThrows(LogonFailureException.class, () -> destination(
                fixture.settings("localhost", "BC_USER999", "PasswordForBC_USER000", "100", t), POOL).ping());
        assertEquals(password.getMessage(), alias.getMessage());
        LogonFailureException client = assertThrows(LogonFailureException.class, () -> destination(
                fixture.settings("localhost", "BC_USER000", "PasswordForBC_USER000", "200", t), POOL).ping());
        assertEquals("Destination Connection_to_Cloud refused the logon: Client 200 is not available in this system",
                client.getMessage());
        assertFalse(password.getMessage().contains("PasswordFor"), "never the password");
        DestinationStatus refused = destinations.get(0).status();
        assertEquals(ConnectionState.DEAD, refused.state());
        assertEquals("LOGON_FAILURE: " + password.getMessage(), refused.lastError());
        assertEquals(1, refused.errors());
    }

    @Test
    void certificateProblemsAreCommunicationFailuresNamingTheProblem() throws Exception {
        fixture = new CloudFixture();
        X509TrustManager other = CloudFixture.trustManager(CertificateAuthority.create("Other CA", Duration.ofDays(1))
                .certificatePem());
        WsRfcDestination untrusted = WsRfcDestination.start(fixture.tutorial(), POOL,
                FollowingTrustManager.context(null, () -> other), null, ProtocolLimits.DEFAULT);
        destinations.add(untrusted);
        CommunicationFailureException e = assertThrows(CommunicationFailureException.class, untrusted::ping);
        assertTrue(e.getMessage().contains("not signed by a trusted CA: add its CA certificate to etc/trust"),
                e.getMessage());

        Duration t = Duration.ofSeconds(5);
        CommunicationFailureException wrongHost = assertThrows(CommunicationFailureException.class, () -> destination(
                fixture.settings("127.0.0.1", "BC_USER000", "PasswordForBC_USER000", "100", t), POOL).ping());
        assertTrue(wrongHost.getMessage().contains("not issued for host 127.0.0.1"), wrongHost.getMessage());
        fixture.close();

        CertificateAuthority ca = CertificateAuthority.create("Simulated Cloud CA", Duration.ofDays(10));
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now();
        SimulatedCloudSystem expired = SimulatedCloudSystem.start(0, ca, ca.issue(List.of("localhost"),
                now.minusDays(30), now.minusDays(1)), "CLD", ProtocolLimits.DEFAULT, event -> { });
        try {
            X509TrustManager trusted = CloudFixture.trustManager(ca.certificatePem());
            WsRfcSettings settings = new WsRfcSettings("Connection_to_Cloud", "localhost", expired.port(), null,
                    "rfc.sap.com", java.util.Map.of(), "BC_USER000", "PasswordForBC_USER000", "100", "E", t, t);
            WsRfcDestination destination = WsRfcDestination.start(settings, POOL,
                    FollowingTrustManager.context(null, () -> trusted), null, ProtocolLimits.DEFAULT);
            destinations.add(destination);
            CommunicationFailureException old = assertThrows(CommunicationFailureException.class, destination::ping);
            assertTrue(old.getMessage().contains("the server certificate has expired"), old.getMessage());
        } finally {
            expired.close();
            fixture = null;
        }
    }

    @Test
    void aClientCertificateLogsOnWithoutAPasswordAndAWrongKeyStorePasswordIsNamed(@TempDir Path dir)
            throws Exception {
        fixture = new CloudFixture();
        Path p12 = dir.resolve("bc_user000.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            fixture.cloud.issueClientCertificate("BC_USER000").writeKeyStore(out, "client", "changeit".toCharArray());
        }
        X509TrustManager trust = CloudFixture.trustManager(fixture.cloud.caPem());
        WsRfcSettings noPassword = fixture.settings("localhost", "BC_USER000", "", "100", Duration.ofSeconds(5));
        WsRfcDestination destination = WsRfcDestination.start(noPassword, POOL, FollowingTrustManager.context(
                ClientCertificate.keyManagers(p12, "changeit".toCharArray()), () -> trust), null, ProtocolLimits.DEFAULT);
        destinations.add(destination);
        destination.ping();
        assertEquals(1, fixture.count("logged on to client 100 with a client certificate"));

        WsRfcDestination without = destination(noPassword, POOL);
        assertThrows(LogonFailureException.class, without::ping, "no certificate, no password: refused");

        java.io.IOException wrong = assertThrows(java.io.IOException.class,
                () -> ClientCertificate.keyManagers(p12, "wrong".toCharArray()));
        assertEquals("field keystore: cannot read " + p12 + " as PKCS#12 (missing file or wrong keystore.password)",
                wrong.getMessage());
    }

    @Test
    void aTrustStoreReloadTakesEffectWithoutRestartingTheDestination() throws Exception {
        fixture = new CloudFixture();
        X509TrustManager other = CloudFixture.trustManager(CertificateAuthority.create("Other CA", Duration.ofDays(1))
                .certificatePem());
        AtomicReference<X509TrustManager> current = new AtomicReference<>(other);
        WsRfcDestination destination = WsRfcDestination.start(fixture.tutorial(), POOL,
                FollowingTrustManager.context(null, current::get), null, ProtocolLimits.DEFAULT);
        destinations.add(destination);
        assertThrows(CommunicationFailureException.class, destination::ping);
        current.set(CloudFixture.trustManager(fixture.cloud.caPem()));
        destination.ping();
    }

    @Test
    void aFunctionOutsideTheArrangementIsRefusedAsTheCloudRefusesIt() throws Exception {
        WsRfcDestination destination = tutorial();
        Function connection = call(destination, "STFC_CONNECTION");
        fixture.cloud.refuse("STFC_CONNECTION");
        SystemFailureException e = assertThrows(SystemFailureException.class, () -> destination.execute(connection));
        assertTrue(e.getMessage().contains("Function module STFC_CONNECTION is not allowed for user BC_USER000 by its "
                + "communication arrangement"), e.getMessage());
        destination.ping();
    }

    @Test
    void aSlowCallIsATimeoutNamingTheDestinationAndTheNextCallWorks() throws Exception {
        fixture = new CloudFixture();
        WsRfcDestination destination = destination(fixture.settings("localhost", "BC_USER000",
                "PasswordForBC_USER000", "100", Duration.ofSeconds(1)), POOL);
        Function sleep = call(destination, "Z_RFCBRIDGE_SLEEP");
        sleep.imports().setValue("MILLISECONDS", 3_000);
        CommunicationFailureException e = assertThrows(CommunicationFailureException.class,
                () -> destination.execute(sleep));
        assertEquals("Timeout: destination Connection_to_Cloud did not answer Z_RFCBRIDGE_SLEEP within 1000 ms",
                e.getMessage());
        destination.ping();
    }

    @Test
    void aDropMidCallFailsThatCallAndTheNextCallReconnects() throws Exception {
        WsRfcDestination destination = tutorial();
        Function sleep = call(destination, "Z_RFCBRIDGE_SLEEP");
        sleep.imports().setValue("MILLISECONDS", 2_000);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<?> inFlight = caller.submit(() -> {
                destination.execute(sleep);
                return null;
            });
            while (fixture.cloud.openSessions() == 0 || fixture.count("logged on") == 0) {
                Thread.sleep(10);
            }
            Thread.sleep(200);
            assertEquals(1, fixture.cloud.dropSessions());
            Exception failure = assertThrows(Exception.class, () -> inFlight.get(10, TimeUnit.SECONDS));
            assertTrue(failure.getCause() instanceof CommunicationFailureException, String.valueOf(failure.getCause()));
            assertTrue(failure.getCause().getMessage().contains("during Z_RFCBRIDGE_SLEEP"),
                    failure.getCause().getMessage());
        } finally {
            caller.shutdownNow();
        }
        destination.ping();
        assertEquals(2, fixture.count("logged on"), "a new session after the drop");
    }

    @Test
    void aPoolOfFiveServesFiveCallsAtOnceAndReusesItsSessions() throws Exception {
        WsRfcDestination destination = tutorial();
        FunctionMetadata metadata = destination.getFunctionMetadata("STFC_CONNECTION").orElseThrow();
        FunctionMetadata sleep = destination.getFunctionMetadata("Z_RFCBRIDGE_SLEEP").orElseThrow();
        ExecutorService callers = Executors.newFixedThreadPool(5);
        try {
            // five calls of a second each at once: each needs a session of its own
            List<Future<?>> slow = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                slow.add(callers.submit(() -> {
                    Function f = sleep.newFunction();
                    f.imports().setValue("MILLISECONDS", 1_000);
                    destination.execute(f);
                    return null;
                }));
            }
            for (Future<?> f : slow) {
                f.get(30, TimeUnit.SECONDS);
            }
            assertEquals(5, fixture.count("logged on"));
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String text = "call " + i;
                results.add(callers.submit(() -> {
                    Function f = metadata.newFunction();
                    f.imports().setValue("REQUTEXT", text);
                    destination.execute(f);
                    return f.exports().getString("ECHOTEXT");
                }));
            }
            for (int i = 0; i < 50; i++) {
                assertEquals("call " + i, results.get(i).get(30, TimeUnit.SECONDS));
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(5, fixture.count("logged on"), "the sessions are reused");
        assertEquals(5, destination.openSessions());
        assertEquals(50, fixture.count("cloud: STFC_CONNECTION for BC_USER000"));
    }

    @Test
    void keepAlivePingsHoldAnIdleSessionOpenPastTheIdleTimeout() throws Exception {
        fixture = new CloudFixture();
        // idle timeout = 2 x (ping + pong) = 4 s: without pings the session would end after 4 s of silence
        WsRfcDestination destination = destination(fixture.tutorial(), new WsRfcDestination.PoolSettings(1,
                Duration.ofSeconds(1), Duration.ofSeconds(1)));
        destination.ping();
        Thread.sleep(5_500);
        assertEquals(1, destination.openSessions());
        destination.ping();
        assertEquals(1, fixture.count("logged on"), "the same session throughout");
    }
}
