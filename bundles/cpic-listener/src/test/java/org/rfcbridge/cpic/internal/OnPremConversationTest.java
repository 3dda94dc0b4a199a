package org.rfcbridge.cpic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.ni.NiFrames;
import org.rfcbridge.protocol.registration.RegistrationRecords;
import org.rfcbridge.simulators.onprem.SimulatedAbapSystem;
import org.rfcbridge.simulators.onprem.SimulatedGateway;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * The simulated on-prem system end to end: its gateway, registered connections of this bundle, and
 * its calling ABAP system, on loopback. Registration, SM59's connection test, calls with every
 * parameter kind, ACL refusal and re-read, keep-alive, busy and not-registered cases, faults.
 */
class OnPremConversationTest {
    static final String PROGRAM_ID = "CLOUD_SYSTEM_VIA_BC";

    @TempDir
    Path folder;

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<RegisteredConnection> connections = new CopyOnWriteArrayList<>();
    private final SampleCallHandler handler = new SampleCallHandler();
    private SimulatedGateway gateway;
    private SimulatedAbapSystem onPrem;

    @BeforeEach
    void start() throws IOException {
        startGateway(SimulatedGateway.Settings.defaults(0).withKeepAlive(Duration.ofMillis(300))
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(10)));
    }

    private void startGateway(SimulatedGateway.Settings settings) throws IOException {
        gateway = SimulatedGateway.start(settings, events::add);
        onPrem = new SimulatedAbapSystem(new SimulatedAbapSystem.Identity("YI3", "000", "DEVELOPER", "E"),
                Duration.ofSeconds(5), ProtocolLimits.DEFAULT);
        onPrem.addDestination(new SimulatedAbapSystem.TypeTDestination("MYDESTINATION_000", "127.0.0.1", gateway.port(),
                PROGRAM_ID));
    }

    @AfterEach
    void stop() {
        connections.forEach(RegisteredConnection::close);
        gateway.close();
    }

    /** Registers {@code count} connections serving calls on their own threads; returns the first failure holder. */
    private AtomicReference<IOException> register(int count) throws Exception {
        AtomicReference<IOException> failure = new AtomicReference<>();
        for (int i = 0; i < count; i++) {
            RegisteredConnection connection = new RegisteredConnection("127.0.0.1", gateway.port(), PROGRAM_ID,
                    "bridge-host", Duration.ofSeconds(2), Duration.ofSeconds(10), ProtocolLimits.DEFAULT,
                    new RegisteredConnection.Observer() { });
            connections.add(connection);
            Thread thread = new Thread(() -> {
                try {
                    connection.register();
                    connection.serve(handler);
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        eventually(() -> waiting() >= count || failure.get() != null);
        return failure;
    }

    private long waiting() {
        return gateway.registrations().stream()
                .filter(r -> r.state() == SimulatedGateway.RegistrationState.WAITING).count();
    }

    private static void eventually(Callable<Boolean> condition) throws Exception {
        Eventually.eventually(Duration.ofSeconds(10), condition);
    }

    @Test
    void smConnectionTestPassesThroughTheGateway() throws Exception {
        register(1);
        Duration elapsed = onPrem.connectionTest("MYDESTINATION_000");
        assertTrue(elapsed.toNanos() > 0);
        assertEquals("YI3", handler.lastLogon.get().systemId(), "the relayed logon names the sender's system");
        assertEquals("000", handler.lastLogon.get().client());
        assertEquals("DEVELOPER", handler.lastLogon.get().user());
        assertEquals("MYDESTINATION_000", handler.lastLogon.get().destination());
        assertEquals(PROGRAM_ID, gateway.registrations().get(0).programId());
        assertEquals("bridge-host", gateway.registrations().get(0).host());
    }

    @Test
    void callsWithEveryParameterKind() throws Exception {
        register(1);
        Function connection = SampleFunctions.STFC_CONNECTION.newFunction();
        connection.imports().setValue("REQUTEXT", "Hello from YI3");
        onPrem.call("MYDESTINATION_000", connection);
        assertEquals("Hello from YI3", connection.exports().getString("ECHOTEXT"));
        assertTrue(connection.exports().getString("RESPTEXT").contains("Sysid: SIM"));

        Function changing = SampleFunctions.STFC_CHANGING.newFunction();
        changing.imports().setValue("START_VALUE", 10);
        changing.changing().setValue("COUNTER", 1);
        onPrem.call("MYDESTINATION_000", changing);
        assertEquals(11, changing.exports().getInt("RESULT"));
        assertEquals(2, changing.changing().getInt("COUNTER"));

        Function structure = SampleFunctions.STFC_STRUCTURE.newFunction();
        structure.imports().getStructure("IMPORTSTRUCT").setValue("RFCINT4", 4711);
        structure.imports().getStructure("IMPORTSTRUCT").setValue("RFCDATE", LocalDate.of(2026, 11, 24));
        structure.imports().getStructure("IMPORTSTRUCT").setValue("RFCFLOAT", 3.14159);
        Table rows = structure.tables().getTable("RFCTABLE");
        for (int i = 0; i < 2000; i++) {                      // 528 KB: several records both ways
            rows.appendRow();
            rows.setValue("RFCINT4", i);
            rows.setValue("RFCDATA1", "row " + i);
        }
        onPrem.call("MYDESTINATION_000", structure);
        assertEquals(4711, structure.exports().getStructure("ECHOSTRUCT").getInt("RFCINT4"));
        assertEquals(LocalDate.of(2026, 11, 24), structure.exports().getStructure("ECHOSTRUCT").getDate("RFCDATE"));
        assertEquals(3.14159, structure.exports().getStructure("ECHOSTRUCT").getDouble("RFCFLOAT"));
        assertEquals(2001, rows.getNumRows());
        rows.setRow(1999);
        assertEquals("row 1999", rows.getString("RFCDATA1"));
        rows.setRow(2000);
        assertEquals(4711, rows.getInt("RFCINT4"));
        assertEquals(3, gateway.registrations().get(0).callsServed());
    }

    @Test
    void anUnknownFunctionIsASystemFailureNamingIt() throws Exception {
        register(1);
        Function call = org.rfcbridge.api.metadata.FunctionMetadata.builder("Z_DOES_NOT_EXIST").build().newFunction();
        SystemFailureException e = assertThrows(SystemFailureException.class, () -> onPrem.call("MYDESTINATION_000", call));
        assertTrue(e.getMessage().contains("Function module Z_DOES_NOT_EXIST not found"), e.getMessage());
        assertEquals("CALL_FUNCTION_NOT_FOUND", e.runtimeError());
    }

    @Test
    void anAbapExceptionReachesTheCallerWithItsKeyAndMessage() throws Exception {
        register(1);
        Function call = org.rfcbridge.api.metadata.FunctionMetadata.builder("Z_RAISE_NOT_FOUND").build().newFunction();
        org.rfcbridge.api.AbapException e = assertThrows(org.rfcbridge.api.AbapException.class,
                () -> onPrem.call("MYDESTINATION_000", call));
        assertEquals("NOT_FOUND", e.key());
        assertEquals("SR", e.abapMessage().messageClass());
        assertEquals("012", e.abapMessage().number());
        assertEquals("ABC", e.abapMessage().v1());
    }

    @Test
    void nothingRegisteredIsACommunicationFailureWithRc679() {
        CommunicationFailureException e = assertThrows(CommunicationFailureException.class,
                () -> onPrem.connectionTest("MYDESTINATION_000"));
        assertTrue(e.getMessage().contains("program CLOUD_SYSTEM_VIA_BC is not registered"), e.getMessage());
        assertTrue(e.getMessage().contains("SAP rc 679"), e.getMessage());
        assertThrows(CommunicationFailureException.class, () -> onPrem.connectionTest("NO_SUCH_DESTINATION"));
    }

    @Test
    void theAclRefusesWithRc720UntilItIsReread() throws Exception {
        gateway.close();
        Path reginfo = folder.resolve("reginfo");
        Files.writeString(reginfo, "#VERSION=2\nD TP=CLOUD* HOST=*\nP TP=* HOST=*\n");
        startGateway(SimulatedGateway.Settings.defaults(0).withReginfo(reginfo));
        AtomicReference<IOException> failure = register(1);
        eventually(() -> failure.get() != null);
        RegistrationRefusedException refused = (RegistrationRefusedException) failure.get();
        assertEquals(720, refused.sapReturnCode());
        assertTrue(refused.getMessage().contains("registration of TP CLOUD_SYSTEM_VIA_BC from host bridge-host not allowed"),
                refused.getMessage());
        Files.writeString(reginfo, "#VERSION=2\nP TP=CLOUD_SYSTEM_VIA_BC HOST=bridge-host\n");
        gateway.rereadReginfo();
        assertEquals(null, register(1).get());
        assertEquals(1, waiting());
    }

    @Test
    void keepAlivesKeepAnsweringRegistrationsAndDropSilentOnes() throws Exception {
        register(1);
        try (Socket silent = new Socket("127.0.0.1", gateway.port())) {
            byte[] register = RegistrationRecords.register(new byte[] {127, 0, 0, 1}, "silent", PROGRAM_ID).encode();
            NiFrames.write(silent.getOutputStream(), register, 0, register.length);
            NiFrames.read(silent.getInputStream(), 1 << 16);
            byte[] block = RegistrationRecords.hostBlock("silent", PROGRAM_ID);
            NiFrames.write(silent.getOutputStream(), block, 0, block.length);
            byte[] ready = RegistrationRecords.ready().encode();
            NiFrames.write(silent.getOutputStream(), ready, 0, ready.length);
            eventually(() -> waiting() == 2);
            eventually(() -> events.stream().anyMatch(e -> e.contains("has not answered PING messages (rc 757)")));
            eventually(() -> waiting() == 1);
            Thread.sleep(800);
            assertEquals(1, waiting(), "the registration that answers pings stays");
            assertEquals("bridge-host", gateway.registrations().get(0).host());
        }
    }

    @Test
    void whenEveryRegistrationIsBusyACallWaitsThenFails() throws Exception {
        register(1);
        handler.delay = Duration.ofMillis(1500);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Duration> first = pool.submit(() -> onPrem.connectionTest("MYDESTINATION_000"));
            Thread.sleep(200);
            Future<Duration> second = pool.submit(() -> onPrem.connectionTest("MYDESTINATION_000"));
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class, second::get);
            assertTrue(e.getCause().getMessage().contains("stayed busy for 500 ms"), e.getCause().getMessage());
            assertTrue(first.get().toMillis() >= 1500);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiveRegistrationsServeFiveConcurrentCallsRoundRobin() throws Exception {
        register(5);
        handler.delay = Duration.ofMillis(300);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    Function call = SampleFunctions.STFC_CHANGING.newFunction();
                    call.imports().setValue("START_VALUE", n * 100);
                    onPrem.call("MYDESTINATION_000", call);
                    return call.exports().getInt("RESULT");
                }));
            }
            for (int i = 0; i < 5; i++) {
                assertEquals(i * 100, results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
        eventually(() -> waiting() == 5);
        assertTrue(gateway.registrations().stream().allMatch(r -> r.callsServed() == 1),
                "each registration served one call: " + gateway.registrations());
    }

    @Test
    void aStoppedGatewayEndsRegistrationsAndARestartedOneTakesNewOnes() throws Exception {
        AtomicReference<IOException> failure = register(1);
        gateway.stop();
        eventually(() -> failure.get() != null);
        assertThrows(CommunicationFailureException.class, () -> onPrem.connectionTest("MYDESTINATION_000"));
        gateway.restart();
        assertEquals(null, register(1).get());
        assertTrue(onPrem.connectionTest("MYDESTINATION_000").toNanos() > 0);
    }

    @Test
    void aDroppedReplyIsATimeoutAtTheCaller() throws Exception {
        register(1);
        onPrem = new SimulatedAbapSystem(new SimulatedAbapSystem.Identity("YI3", "000", "DEVELOPER", "E"),
                Duration.ofMillis(700), ProtocolLimits.DEFAULT);
        onPrem.addDestination(new SimulatedAbapSystem.TypeTDestination("MYDESTINATION_000", "127.0.0.1", gateway.port(),
                PROGRAM_ID));
        gateway.dropNextReply();
        CommunicationFailureException e = assertThrows(CommunicationFailureException.class,
                () -> onPrem.connectionTest("MYDESTINATION_000"));
        assertTrue(e.getMessage().startsWith("Timeout: destination MYDESTINATION_000"), e.getMessage());
        assertTrue(onPrem.connectionTest("MYDESTINATION_000").toNanos() > 0, "the next call goes through");
    }

    @Test
    void aCorruptedFrameIsRefusedAndTheNextCallWorks() throws Exception {
        register(1);
        gateway.corruptNextFrame();
        Function call = SampleFunctions.STFC_CHANGING.newFunction();
        assertThrows(SystemFailureException.class, () -> onPrem.call("MYDESTINATION_000", call));
        call.imports().setValue("START_VALUE", new BigDecimal(5));
        onPrem.call("MYDESTINATION_000", call);
        assertEquals(5, call.exports().getInt("RESULT"));
    }

    @Test
    void theCallerOpensItsNextConversationOnAFreshConnectionAfterTheGatewayRestarted() throws Exception {
        register(1);
        onPrem.connectionTest("MYDESTINATION_000");            // leaves an idle gateway connection behind
        gateway.restart();                                     // which the restart closes
        register(1);
        Function call = SampleFunctions.STFC_CONNECTION.newFunction();
        call.imports().setValue("REQUTEXT", "after the restart");
        onPrem.call("MYDESTINATION_000", call);                // no error: nothing had been sent on the stale one
        assertEquals("after the restart", call.exports().getString("ECHOTEXT"));
        eventually(() -> gateway.connections().isEmpty());     // F_DEALLOCATE ends it, after the reply
    }

    @Test
    void aLargeReplyPassesThroughTheGatewayWithoutBeingHeldWhole() throws Exception {
        gateway.close();
        // the gateway takes messages of at most 1 MB: a reply it gathered whole would be refused as too large
        ProtocolLimits small = new ProtocolLimits(ProtocolLimits.DEFAULT.maxRecordBytes(), 1 << 20,
                ProtocolLimits.DEFAULT.maxTableRows(), ProtocolLimits.DEFAULT.maxTableBytes(),
                ProtocolLimits.DEFAULT.maxItems());
        startGateway(new SimulatedGateway.Settings(0, null, Duration.ofMillis(500), Duration.ofSeconds(10),
                Duration.ofSeconds(60), small));
        register(1);
        Function read = SampleFunctions.Z_RFCBRIDGE_READ_ROWS.newFunction();
        read.imports().setValue("ROW_COUNT", 8_000);                  // about 4 MB
        read.imports().setValue("ROW_WIDTH", 512);
        onPrem.call("MYDESTINATION_000", read);
        Table data = read.tables().getTable("DATA");
        assertEquals(8_000, data.getNumRows());
        byte[] row = new byte[512];
        data.copyRowTo(7_999, row, 0);
        assertEquals((byte) (7_999 + 511), row[511], "the last byte of the last row");
    }

    @Test
    void theGatewayRelaysACallOfItsOwnForLoadWithoutACaller() throws Exception {
        Function call = SampleFunctions.STFC_CONNECTION.newFunction();
        call.imports().setValue("REQUTEXT", "relayed by the gateway");
        byte[] chain = onPrem.requestChain("MYDESTINATION_000", call);
        IOException none = assertThrows(IOException.class, () -> gateway.relay(PROGRAM_ID, chain));
        assertTrue(none.getMessage().contains("is not registered") && none.getMessage().contains("679"),
                none.getMessage());
        register(1);
        byte[] reply = gateway.relay(PROGRAM_ID, chain);
        new ClassicSerializer(ProtocolLimits.DEFAULT).decoder().decodeResponse(reply, 0, reply.length, call, "the program");
        assertEquals("relayed by the gateway", call.exports().getString("ECHOTEXT"));
        assertEquals("YI3", handler.lastLogon.get().systemId(), "the chain carries the caller's logon");
    }

    @Test
    void faultInjectionCutsDelaysAndRefuses() throws Exception {
        AtomicReference<IOException> failure = register(2);
        assertTrue(gateway.cutRegistration(PROGRAM_ID));
        eventually(() -> failure.get() != null);
        eventually(() -> gateway.registrations().size() == 1);
        gateway.delayReplies(Duration.ofMillis(400));
        long start = System.nanoTime();
        onPrem.connectionTest("MYDESTINATION_000");
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(400).toNanos(), "the reply was delayed");
        gateway.delayReplies(Duration.ZERO);
        gateway.refuseRegistrations(true);
        AtomicReference<IOException> refused = register(1);
        eventually(() -> refused.get() != null);
        assertEquals(720, ((RegistrationRefusedException) refused.get()).sapReturnCode());
        assertEquals(1, gateway.registrations().size(), "the refused program was not added");
        eventually(() -> gateway.connections().isEmpty());     // no client conversation is left open
    }
}
