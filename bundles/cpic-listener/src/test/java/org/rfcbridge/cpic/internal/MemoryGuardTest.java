package org.rfcbridge.cpic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.simulators.onprem.SimulatedAbapSystem;
import org.rfcbridge.simulators.onprem.SimulatedGateway;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * The memory guard (issue 21): a request larger than the listener's bound ({@code max.request.mb}) is read to its
 * end without being kept and answered with SYSTEM_FAILURE naming the setting, on a connection that stays
 * registered; large requests reserve their bound in the bridge's {@link RequestMemory}, so two at once take turns
 * instead of both being held, and one that waits longer than {@code large.request.wait} is refused naming
 * {@code max.large.requests.mb}, while small calls go on. Whatever happens, the reservations go back.
 */
class MemoryGuardTest {
    private static final String PROGRAM_ID = "CLOUD_SYSTEM_VIA_BC";
    /** The listener's bound per call: more than a small request, less than two of them. */
    private static final long MAX_CALL = 5L << 19;
    /** About 2.1 MB of request: a large one, within the bound. */
    private static final int LARGE_ROWS = 8000;
    private final ListenerCounters counters = new ListenerCounters();
    /** The cloud holds every large call until {@link #cloudGoesOn} is counted down. */
    private final CountDownLatch cloudGoesOn = new CountDownLatch(1);
    private final AtomicInteger largeCallsInCloud = new AtomicInteger();
    private final SampleCloud cloud = new SampleCloud() {
        @Override
        public void execute(Function function) throws RfcException {
            if (function.name().equals("STFC_STRUCTURE")
                    && function.tables().getTable("RFCTABLE").getNumRows() >= LARGE_ROWS) {
                largeCallsInCloud.incrementAndGet();
                try {
                    cloudGoesOn.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            sample.execute(function);
        }
    };
    private SimulatedGateway gateway;
    private ListenerRuntime listener;
    private SimulatedAbapSystem onPrem;
    private RequestMemory memory;

    @BeforeEach
    void gateway() throws Exception {
        gateway = SimulatedGateway.start(SimulatedGateway.Settings.defaults(0), event -> { });
        onPrem = new SimulatedAbapSystem(new SimulatedAbapSystem.Identity("YI3", "000", "DEVELOPER", "E"),
                Duration.ofSeconds(30), ProtocolLimits.DEFAULT, TableCompression.NONE);
        onPrem.addDestination(new SimulatedAbapSystem.TypeTDestination("MYDESTINATION_000", "127.0.0.1",
                gateway.port(), PROGRAM_ID));
    }

    @AfterEach
    void stop() throws Exception {
        cloudGoesOn.countDown();
        if (listener != null) {
            listener.stop();
        }
        gateway.close();
    }

    /** A listener of 3 connections whose large requests share {@code budget} bytes, waiting at most {@code wait}. */
    private void startListener(long budget, Duration wait) throws Exception {
        memory = new RequestMemory(budget, wait);
        ProtocolLimits limits = new ProtocolLimits(ProtocolLimits.DEFAULT.maxRecordBytes(), MAX_CALL,
                ProtocolLimits.DEFAULT.maxTableRows(), ProtocolLimits.DEFAULT.maxTableBytes(),
                ProtocolLimits.DEFAULT.maxItems());
        BridgeCallHandler handler = new BridgeCallHandler(PROGRAM_ID, () -> call -> cloud, cloud::repository,
                "Connection_to_Cloud", false, counters, limits, TableCompression.NONE, call -> { });
        listener = new ListenerRuntime("guarded", PROGRAM_ID, 3, () -> new GatewayAddress("127.0.0.1", gateway.port()),
                handler, counters, new ListenerRuntime.Settings(Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofSeconds(2), limits, Duration.ofSeconds(30), Duration.ofSeconds(30), memory));
        listener.start();
        Eventually.eventually(Duration.ofSeconds(10), () -> listener.state() == ConnectionState.ALIVE
                && CallsInBackground.registrations(gateway).size() == 3);
    }

    private Function structure(int rows) {
        Function call = SampleFunctions.STFC_STRUCTURE.newFunction();
        call.tables().getTable("RFCTABLE").appendRows(rows);
        return call;
    }

    /** The rows the call got back: the sample cloud appends one to what it was sent. */
    private static int rows(CompletableFuture<Function> call) throws Exception {
        return call.get(30, TimeUnit.SECONDS).tables().getTable("RFCTABLE").getNumRows();
    }

    @Test
    void aCallLargerThanMaxRequestGetsSystemFailureAndTheConnectionStays() throws Exception {
        startListener(64L << 20, Duration.ofSeconds(10));
        cloudGoesOn.countDown();
        Set<Integer> registrations = CallsInBackground.registrations(gateway);
        SystemFailureException refused = assertThrows(SystemFailureException.class,
                () -> onPrem.call("MYDESTINATION_000", structure(12_000)));   // about 3.2 MB, the bound is 2.5 MiB
        assertTrue(refused.getMessage().contains("RFC Bridge refused the call: its request is larger than 2.5 MB "
                + "(setting max.request.mb of the listener)"), refused.getMessage());
        assertTrue(refused.getMessage().startsWith("RFC Bridge call "), "the call id leads to the call log: "
                + refused.getMessage());
        Function next = structure(10);
        onPrem.call("MYDESTINATION_000", next);
        assertEquals(11, next.tables().getTable("RFCTABLE").getNumRows(), "the next call works");
        assertEquals(registrations, CallsInBackground.registrations(gateway), "no connection was closed and registered again");
        assertEquals(0, memory.reserved(), "nothing stays reserved");
    }

    @Test
    void twoLargeCallsTakeTurnsWhileSmallCallsGoOn() throws Exception {
        startListener(3L << 20, Duration.ofSeconds(30));                 // room for one large call's 2.5 MiB
        CompletableFuture<Function> first = CallsInBackground.call(onPrem, structure(LARGE_ROWS));
        Eventually.eventually(Duration.ofSeconds(10), () -> largeCallsInCloud.get() == 1);
        CompletableFuture<Function> second = CallsInBackground.call(onPrem, structure(LARGE_ROWS));
        Thread.sleep(500);
        assertEquals(MAX_CALL, memory.reserved(), "the first call holds its bound; the second waits for it");
        assertEquals(1, largeCallsInCloud.get(), "the second call has not reached the cloud");
        assertFalse(second.isDone());
        Function small = SampleFunctions.STFC_CONNECTION.newFunction();
        small.imports().setValue("REQUTEXT", "small");
        onPrem.call("MYDESTINATION_000", small);
        assertEquals("small", small.exports().getString("ECHOTEXT"), "a small call does not wait");

        cloudGoesOn.countDown();
        assertEquals(LARGE_ROWS + 1, rows(first));
        assertEquals(LARGE_ROWS + 1, rows(second));
        assertEquals(2, largeCallsInCloud.get());
        Eventually.eventually(Duration.ofSeconds(5), () -> memory.reserved() == 0);
    }

    @Test
    void aLargeCallThatWaitsTooLongGetsSystemFailureNamingTheSetting() throws Exception {
        startListener(3L << 20, Duration.ofSeconds(1));
        CompletableFuture<Function> first = CallsInBackground.call(onPrem, structure(LARGE_ROWS));
        Eventually.eventually(Duration.ofSeconds(10), () -> largeCallsInCloud.get() == 1);
        SystemFailureException busy = assertThrows(SystemFailureException.class,
                () -> onPrem.call("MYDESTINATION_000", structure(LARGE_ROWS)));
        assertTrue(busy.getMessage().contains("RFC Bridge is busy: other large calls held its memory for large "
                + "requests (3 MB, setting max.large.requests.mb of org.rfcbridge.memory) for longer than 1 s "
                + "(large.request.wait)"), busy.getMessage());
        cloudGoesOn.countDown();
        assertEquals(LARGE_ROWS + 1, rows(first));
        Eventually.eventually(Duration.ofSeconds(5), () -> memory.reserved() == 0);
        assertEquals(1, largeCallsInCloud.get(), "the refused call never reached the cloud");
    }

    @Test
    void aLargeCallCutOffByTheGatewayGivesItsReservationBack() throws Exception {
        startListener(3L << 20, Duration.ofSeconds(30));
        CompletableFuture<Function> first = CallsInBackground.call(onPrem, structure(LARGE_ROWS));
        Eventually.eventually(Duration.ofSeconds(10), () -> memory.reserved() == MAX_CALL);
        gateway.close();                                                 // the gateway goes while the call is out
        cloudGoesOn.countDown();
        assertThrows(Exception.class, () -> first.get(30, TimeUnit.SECONDS));
        Eventually.eventually(Duration.ofSeconds(10), () -> memory.reserved() == 0);
    }
}
