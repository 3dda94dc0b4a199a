package org.rfcbridge.cpic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * Reliability: a gateway that stops reading. A large reply fills the TCP buffers and the connection
 * that writes it waits (back-pressure: it holds that one reply and takes no further call); the
 * caller's call ends at its timeout, the other connections keep serving, and once the gateway reads
 * again every connection is back and calls go through. Nothing queues in the listener.
 */
class SlowGatewayTest {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

    @Test
    void aGatewayThatStopsReadingBlocksOneConnectionNotTheListener() throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (LoadedListener loaded = new LoadedListener("slowgw", 3, CALL_TIMEOUT)) {
            loaded.listener.start();
            Eventually.eventually(Duration.ofSeconds(15), () -> loaded.gateway.registrations().size() == 3);
            Function warmUp = SampleFunctions.STFC_CONNECTION.newFunction();
            warmUp.imports().setValue("REQUTEXT", "before");
            loaded.onPrem.call("MYDESTINATION_000", warmUp);

            loaded.gateway.pauseReading(true);
            long start = System.nanoTime();
            Future<RfcException> large = caller.submit(() -> largeCall(loaded));
            RfcException failure = large.get();
            long took = System.nanoTime() - start;
            assertTrue(failure instanceof CommunicationFailureException, "the caller's call ends with "
                    + "COMMUNICATION_FAILURE: " + failure);
            assertTrue(took < CALL_TIMEOUT.plusSeconds(2).toNanos(), "the call ended near its timeout: "
                    + took / 1_000_000 + " ms");
            long busy = loaded.listener.connections().stream().filter(c -> c.state() == ConnectionState.BUSY).count();
            assertEquals(1, busy, "one connection waits to write its reply; the others wait for calls: "
                    + loaded.listener.connections());
            assertTrue(loaded.counters.snapshot().busy() <= 1, "no call queues behind the blocked one");

            loaded.gateway.pauseReading(false);
            Eventually.eventually(Duration.ofSeconds(15), () -> loaded.listener.connections().stream()
                    .allMatch(c -> c.state() == ConnectionState.ALIVE) && loaded.gateway.registrations().size() == 3);
            for (int i = 0; i < 6; i++) {
                Function after = SampleFunctions.STFC_CONNECTION.newFunction();
                after.imports().setValue("REQUTEXT", "after " + i);
                loaded.onPrem.call("MYDESTINATION_000", after);
                assertEquals("after " + i, after.exports().getString("ECHOTEXT"));
            }
            System.out.printf("slow gateway: the large call ended after %d ms with %s; all 3 connections back%n",
                    took / 1_000_000, failure.getClass().getSimpleName());
        } finally {
            caller.shutdownNow();
        }
    }

    /** With a write timeout shorter than the stall, the blocked connection is closed and registers again. */
    @Test
    void aWriteBlockedLongerThanTheWriteTimeoutClosesThatConnection() throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (LoadedListener loaded = new LoadedListener("stuckgw", 3, CALL_TIMEOUT, Duration.ofSeconds(1))) {
            loaded.listener.start();
            Eventually.eventually(Duration.ofSeconds(15), () -> loaded.gateway.registrations().size() == 3);
            loaded.gateway.pauseReading(true);
            long start = System.nanoTime();
            Future<RfcException> large = caller.submit(() -> largeCall(loaded));
            Eventually.eventually(Duration.ofSeconds(10), () -> loaded.listener.lastError().contains(
                    "the gateway has taken no data for more than 1 s (write.timeout); connection closed"));
            long closedAfter = System.nanoTime() - start;
            assertTrue(loaded.listener.connections().stream().noneMatch(c -> c.state() == ConnectionState.BUSY),
                    "no connection is left waiting to write: " + loaded.listener.connections());
            assertTrue(large.get() instanceof CommunicationFailureException);

            loaded.gateway.pauseReading(false);
            Eventually.eventually(Duration.ofSeconds(15), () -> loaded.listener.connections().stream()
                    .allMatch(c -> c.state() == ConnectionState.ALIVE) && loaded.gateway.registrations().size() == 3);
            Function after = SampleFunctions.STFC_CONNECTION.newFunction();
            after.imports().setValue("REQUTEXT", "after");
            loaded.onPrem.call("MYDESTINATION_000", after);
            assertEquals("after", after.exports().getString("ECHOTEXT"));
            System.out.printf("stuck gateway: the blocked connection was closed %d ms after the stall began%n",
                    closedAfter / 1_000_000);
        } finally {
            caller.shutdownNow();
        }
    }

    /** 40,000 rows of 512 bytes (about 20 MB: more than any TCP buffer); the error it ends with, or null. */
    private static RfcException largeCall(LoadedListener loaded) {
        Function rows = SampleFunctions.Z_RFCBRIDGE_READ_ROWS.newFunction();
        rows.imports().setValue("ROW_COUNT", 40_000);
        rows.imports().setValue("ROW_WIDTH", 512);
        try {
            loaded.onPrem.call("MYDESTINATION_000", rows);
            return null;
        } catch (RfcException e) {
            return e;
        }
    }
}
