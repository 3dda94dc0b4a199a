package org.rfcbridge.cpic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rfcbridge.api.AbapException;
import org.rfcbridge.api.CallContext;
import org.rfcbridge.api.CallRouter;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.LogonFailureException;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.simulators.onprem.SimulatedAbapSystem;
import org.rfcbridge.simulators.onprem.SimulatedGateway;
import org.rfcbridge.simulators.samples.SampleFunctions;
import org.rfcbridge.simulators.samples.SampleDestination;

/**
 * The listener against the simulated on-prem system: SM59's test, calls routed to a destination, every
 * error kind back to the caller, five connections, gateway restarts, ACL refusal, oversized frames and
 * a stop during a call.
 */
class ListenerTest {
    static final String PROGRAM_ID = "CLOUD_SYSTEM_VIA_BC";

    private SimulatedGateway gateway;
    private SimulatedAbapSystem onPrem;
    private ListenerRuntime listener;
    private final ListenerCounters counters = new ListenerCounters();
    private final SampleDestination cloud = new SampleDestination("Connection_to_Cloud", "CLD");
    private final AtomicReference<CallContext> routed = new AtomicReference<>();
    private CallRouter router = call -> {
        routed.set(call);
        return cloud;
    };

    @BeforeEach
    void start() throws Exception {
        gateway = SimulatedGateway.start(SimulatedGateway.Settings.defaults(0), event -> { });
        onPrem = new SimulatedAbapSystem(new SimulatedAbapSystem.Identity("YI3", "000", "DEVELOPER", "E"),
                Duration.ofSeconds(10), ProtocolLimits.DEFAULT);
        onPrem.addDestination(new SimulatedAbapSystem.TypeTDestination("MYDESTINATION_000", "127.0.0.1", gateway.port(),
                PROGRAM_ID));
    }

    private void startListener(int connections, boolean pingForward, ProtocolLimits limits) throws Exception {
        BridgeCallHandler handler = new BridgeCallHandler(PROGRAM_ID, () -> router, () -> cloud,
                "Connection_to_Cloud", pingForward, counters, limits, TableCompression.NONE, call -> { });
        listener = new ListenerRuntime("test", PROGRAM_ID, connections,
                () -> new GatewayAddress("127.0.0.1", gateway.port()), handler, counters,
                new ListenerRuntime.Settings(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5), limits));
        listener.start();
        eventually(() -> listener.connections().stream().allMatch(c -> c.state() == ConnectionState.ALIVE));
    }

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.stop();
        }
        gateway.close();
    }

    private static void eventually(Callable<Boolean> condition) throws Exception {
        Eventually.eventually(Duration.ofSeconds(15), condition);
    }

    @Test
    void smConnectionTestIsAnsweredByTheListener() throws Exception {
        startListener(1, false, ProtocolLimits.DEFAULT);
        assertTrue(onPrem.connectionTest("MYDESTINATION_000").toNanos() > 0);
        assertEquals(0, cloud.pings(), "answered here, not forwarded");
        // ALIVE again once the connection has re-armed after its reply (it may still be BUSY a moment)
        eventually(() -> listener.state() == ConnectionState.ALIVE);
    }

    @Test
    void pingForwardPingsTheRoutedDestination() throws Exception {
        startListener(1, true, ProtocolLimits.DEFAULT);
        onPrem.connectionTest("MYDESTINATION_000");
        assertEquals(1, cloud.pings());
    }

    @Test
    void callsAreRoutedBySenderReceiverAndFunction() throws Exception {
        startListener(1, false, ProtocolLimits.DEFAULT);
        Function call = SampleFunctions.STFC_STRUCTURE.newFunction();
        call.imports().getStructure("IMPORTSTRUCT").setValue("RFCCHAR4", "ABCD");
        Table rows = call.tables().getTable("RFCTABLE");
        rows.appendRow();
        rows.setValue("RFCINT4", 7);
        onPrem.call("MYDESTINATION_000", call);
        assertEquals("ABCD", call.exports().getStructure("ECHOSTRUCT").getString("RFCCHAR4"));
        assertEquals(2, rows.getNumRows());
        assertTrue(call.exports().getString("RESPTEXT").contains("Sysid: CLD"));
        CallContext context = routed.get();
        assertEquals("YI3000", context.sender());
        assertEquals("MYDESTINATION_000", context.receiver());
        assertEquals("STFC_STRUCTURE", context.functionName());
        assertEquals("DEVELOPER", context.user());
        eventually(() -> counters.snapshot().calls() == 1);
    }

    @Test
    void anUnknownFunctionAndAMissingRouteAreSystemFailures() throws Exception {
        startListener(1, false, ProtocolLimits.DEFAULT);
        Function unknown = FunctionMetadata.builder("Z_NOT_IN_THE_CLOUD").build().newFunction();
        SystemFailureException e = assertThrows(SystemFailureException.class, () -> onPrem.call("MYDESTINATION_000", unknown));
        assertTrue(e.getMessage().contains("Function module Z_NOT_IN_THE_CLOUD not found in repository server "
                + "Connection_to_Cloud"), e.getMessage());
        router = call -> {
            throw new SystemFailureException("No routing rule matches sender " + call.sender() + ", receiver "
                    + call.receiver() + " and function " + call.functionName());
        };
        Function connection = SampleFunctions.STFC_CONNECTION.newFunction();
        SystemFailureException noRoute = assertThrows(SystemFailureException.class,
                () -> onPrem.call("MYDESTINATION_000", connection));
        assertTrue(noRoute.getMessage().contains("No routing rule matches sender YI3000, receiver MYDESTINATION_000 and "
                + "function STFC_CONNECTION"), noRoute.getMessage());
        assertEquals(2, counters.snapshot().errors());
    }

    @Test
    void everyErrorKindOfTheDestinationReachesTheCaller() throws Exception {
        startListener(1, false, ProtocolLimits.DEFAULT);
        cloud.failWith(new AbapException("NOT_FOUND", "nothing there"));
        assertEquals("NOT_FOUND", assertThrows(AbapException.class, this::callConnection).key());
        cloud.failWith(new SystemFailureException("short dump in the cloud"));
        assertTrue(assertThrows(SystemFailureException.class, this::callConnection).getMessage()
                .contains("short dump in the cloud"));
        cloud.failWith(new CommunicationFailureException("Connection_to_Cloud is unreachable"));
        assertTrue(assertThrows(CommunicationFailureException.class, this::callConnection).getMessage()
                .contains("Connection_to_Cloud is unreachable"));
        cloud.failWith(new LogonFailureException("Name or password is incorrect"));
        assertTrue(assertThrows(LogonFailureException.class, this::callConnection).getMessage()
                .contains("Name or password is incorrect"));
        cloud.failWith(null);
        callConnection();
        // the reply reaches the caller a moment before the connection reports itself free again
        eventually(() -> listener.state() == ConnectionState.ALIVE);
    }

    private void callConnection() throws RfcException {
        onPrem.call("MYDESTINATION_000", SampleFunctions.STFC_CONNECTION.newFunction());
    }

    @Test
    void fiveConnectionsServeFiveConcurrentCalls() throws Exception {
        startListener(5, false, ProtocolLimits.DEFAULT);
        cloud.delay(Duration.ofMillis(400));
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    Function call = SampleFunctions.STFC_CHANGING.newFunction();
                    call.imports().setValue("START_VALUE", n);
                    onPrem.call("MYDESTINATION_000", call);
                    return call.exports().getInt("RESULT");
                }));
            }
            for (int i = 0; i < 5; i++) {
                assertEquals(i, results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(5, counters.snapshot().peakBusy(), "all five were busy at once");
    }

    @Test
    void aRestartedGatewayIsRegisteredAgainWithinTheBackOff() throws Exception {
        startListener(2, false, ProtocolLimits.DEFAULT);
        gateway.stop();
        eventually(() -> listener.state() == ConnectionState.DEAD || listener.state() == ConnectionState.STARTING);
        eventually(() -> listener.lastError().contains("is not reachable or closed the connection"));
        gateway.restart();
        eventually(() -> listener.connections().stream().allMatch(c -> c.state() == ConnectionState.ALIVE));
        assertTrue(onPrem.connectionTest("MYDESTINATION_000").toNanos() > 0);
    }

    @Test
    void anAclRefusalIsVisibleInTheState() throws Exception {
        gateway.refuseRegistrations(true);
        BridgeCallHandler handler = new BridgeCallHandler(PROGRAM_ID, () -> router, () -> cloud, "X", false,
                counters, ProtocolLimits.DEFAULT, TableCompression.NONE, call -> { });
        listener = new ListenerRuntime("test", PROGRAM_ID, 1, () -> new GatewayAddress("127.0.0.1", gateway.port()),
                handler, counters, new ListenerRuntime.Settings(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(5), ProtocolLimits.DEFAULT));
        listener.start();
        eventually(() -> listener.lastError().contains("SAP rc 720"));
        assertTrue(listener.lastError().contains("registration of TP CLOUD_SYSTEM_VIA_BC"), listener.lastError());
        gateway.refuseRegistrations(false);
        eventually(() -> listener.state() == ConnectionState.ALIVE);
    }

    @Test
    void anOversizedFrameClosesOnlyThatConnectionWhichRegistersAgain() throws Exception {
        startListener(1, false, new ProtocolLimits(2048, 1 << 20, 1000, 1 << 20, 100_000));
        Function big = SampleFunctions.STFC_STRUCTURE.newFunction();
        Table rows = big.tables().getTable("RFCTABLE");
        rows.appendRows(20);                                   // about 5 KB in one relayed record
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));  // slf4j-simple writes here
        try {
            assertThrows(CommunicationFailureException.class, () -> onPrem.call("MYDESTINATION_000", big));
            eventually(() -> listener.lastError().contains("malformed frame")
                    && listener.state() == ConnectionState.ALIVE);
        } finally {
            System.setErr(err);
        }
        assertTrue(listener.lastError().contains("exceeds the limit of 2048 bytes"), listener.lastError());
        assertTrue(onPrem.connectionTest("MYDESTINATION_000").toNanos() > 0, "the next call works");
        List<String> rejections = Arrays.stream(log.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(line -> line.contains("malformed frame")).toList();
        assertEquals(1, rejections.size(), "the rejection is logged once: " + rejections);
        assertTrue(rejections.get(0).contains("WARN") && rejections.get(0).contains("gateway 127.0.0.1:" + gateway.port())
                && rejections.get(0).contains("byte offset"), "with the peer and the offset: " + rejections.get(0));
    }

    @Test
    void stoppingLetsTheCallInFlightFinish() throws Exception {
        startListener(1, false, ProtocolLimits.DEFAULT);
        cloud.delay(Duration.ofMillis(800));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> call = pool.submit(() -> {
                Function f = SampleFunctions.STFC_CHANGING.newFunction();
                f.imports().setValue("START_VALUE", 42);
                onPrem.call("MYDESTINATION_000", f);
                return f.exports().getInt("RESULT");
            });
            eventually(() -> listener.state() == ConnectionState.BUSY);
            listener.stop();
            assertEquals(42, call.get());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(ConnectionState.STOPPED, listener.state());
        eventually(() -> gateway.registrations().isEmpty());
    }

    @Test
    void noCallIsLostUnderSustainedConcurrentLoad() throws Exception {
        // regression: the gateway used to lose a reply when a connection said "ready" before its caller took it
        startListener(5, false, ProtocolLimits.DEFAULT);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                results.add(pool.submit(() -> {
                    int calls = 0;
                    while (System.nanoTime() < end) {
                        Function call = SampleFunctions.STFC_CHANGING.newFunction();
                        call.imports().setValue("START_VALUE", calls);
                        onPrem.call("MYDESTINATION_000", call);
                        assertEquals(calls, call.exports().getInt("RESULT"));
                        calls++;
                    }
                    return calls;
                }));
            }
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get();
            }
            long served = total;
            eventually(() -> counters.snapshot().calls() == served);
            assertEquals(0, counters.snapshot().errors());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A destination that produces Z_RFCBRIDGE_READ_ROWS's rows the way the WebSocket client's decoder
     * does (row count announced, then the rows as bytes), failing after {@code failAfter} rows if positive.
     */
    private RfcDestination announcingRows(int failAfter, AtomicReference<Boolean> streamed) {
        return new RfcDestination() {
            @Override
            public String name() {
                return "Connection_to_Cloud";
            }

            @Override
            public Duration ping() {
                return Duration.ZERO;
            }

            @Override
            public org.rfcbridge.api.FunctionRepository repository() {
                return cloud;
            }

            @Override
            public void execute(Function function) throws RfcException {
                int count = function.imports().getInt("ROW_COUNT");
                Table data = function.tables().getTable("DATA");
                data.clear();
                data.announceRows(count);
                byte[] row = new byte[512];
                for (int i = 0; i < count; i++) {
                    if (i == failAfter) {
                        throw new CommunicationFailureException("The WebSocket to destination Connection_to_Cloud was "
                                + "broken during Z_RFCBRIDGE_READ_ROWS");
                    }
                    for (int j = 0; j < row.length; j++) {
                        row[j] = (byte) (i + j);
                    }
                    data.appendRow(row, 0);
                }
                streamed.set(data.isStreamed());
            }
        };
    }

    @Test
    void aLargeTablePassesThroughWithoutBeingKept() throws Exception {
        startListener(1, false, ProtocolLimits.DEFAULT);
        AtomicReference<Boolean> streamed = new AtomicReference<>();
        RfcDestination rows = announcingRows(-1, streamed);
        router = call -> rows;
        Function read = SampleFunctions.Z_RFCBRIDGE_READ_ROWS.newFunction();
        read.imports().setValue("ROW_COUNT", 20_000);
        onPrem.call("MYDESTINATION_000", read);
        assertEquals(Boolean.TRUE, streamed.get(), "the bridge passed the rows on instead of keeping them");
        Table data = read.tables().getTable("DATA");
        assertEquals(20_000, data.getNumRows());
        byte[] row = new byte[512];
        for (int i = 0; i < 20_000; i += 997) {
            data.copyRowTo(i, row, 0);
            for (int j = 0; j < row.length; j++) {
                assertEquals((byte) (i + j), row[j], "row " + i + " byte " + j);
            }
        }
    }

    @Test
    void aStreamedReplyThatFailsEndsTheConversationAndTheListenerCarriesOn() throws Exception {
        startListener(1, false, ProtocolLimits.DEFAULT);
        RfcDestination failing = announcingRows(10_000, new AtomicReference<>());
        router = call -> failing;
        Function read = SampleFunctions.Z_RFCBRIDGE_READ_ROWS.newFunction();
        read.imports().setValue("ROW_COUNT", 20_000);
        CommunicationFailureException e = assertThrows(CommunicationFailureException.class,
                () -> onPrem.call("MYDESTINATION_000", read));
        assertTrue(e.getMessage().contains("closed during Z_RFCBRIDGE_READ_ROWS"), e.getMessage());
        eventually(() -> counters.snapshot().errors() == 1 && counters.lastError().contains("The WebSocket to "
                + "destination Connection_to_Cloud was broken during Z_RFCBRIDGE_READ_ROWS"));

        router = call -> cloud;
        eventually(() -> listener.state() == ConnectionState.ALIVE);
        Function next = SampleFunctions.Z_RFCBRIDGE_READ_ROWS.newFunction();
        next.imports().setValue("ROW_COUNT", 5);
        onPrem.call("MYDESTINATION_000", next);
        assertEquals(5, next.tables().getTable("DATA").getNumRows());
    }
}
