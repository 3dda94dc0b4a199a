package org.rfcbridge.cpic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.simulators.onprem.SimulatedAbapSystem;
import org.rfcbridge.simulators.onprem.SimulatedGateway;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * Reliability: the gateway restarted again and again while callers keep calling. Every registered
 * connection comes back after each restart, no call outlasts its timeout, and the listener leaks
 * neither threads nor sockets. Restarts: 8 in the build; {@code -Drfcbridge.reliability.restarts=50}
 * for the longer manual run ({@code docs/reliability.md}).
 */
class GatewayRestartLoopTest {
    private static final int CONNECTIONS = 5;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    @Test
    void everyConnectionComesBackAfterEachRestartUnderLoadWithoutLeaks() throws Exception {
        int restarts = Integer.getInteger("rfcbridge.reliability.restarts", 8);
        LoadedListener loaded = new LoadedListener("loop", CONNECTIONS, CALL_TIMEOUT);
        SimulatedGateway gateway = loaded.gateway;
        ListenerRuntime listener = loaded.listener;
        SimulatedAbapSystem onPrem = loaded.onPrem;
        ExecutorService callers = Executors.newFixedThreadPool(3);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong longest = new AtomicLong();
        try {
            listener.start();
            Eventually.eventually(Duration.ofSeconds(15), () -> allAlive(listener, gateway));
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            long socketsBefore = openFileDescriptors();
            List<Future<?>> load = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                load.add(callers.submit(() -> {
                    while (running.get()) {
                        long start = System.nanoTime();
                        try {
                            Function call = SampleFunctions.STFC_CONNECTION.newFunction();
                            call.imports().setValue("REQUTEXT", "loop");
                            onPrem.call("MYDESTINATION_000", call);
                            succeeded.incrementAndGet();
                        } catch (RfcException e) {
                            failed.incrementAndGet();       // the gateway was down: the error kind says so
                        }
                        longest.accumulateAndGet(System.nanoTime() - start, Math::max);
                    }
                    return null;
                }));
            }
            for (int i = 0; i < restarts; i++) {
                long before = succeeded.get();
                // restart only once the load has gone through again, so every restart hits calls in flight
                Eventually.eventually(Duration.ofSeconds(20), () -> succeeded.get() >= before + 20);
                gateway.restart();
                Eventually.eventually(Duration.ofSeconds(20), () -> allAlive(listener, gateway));
            }
            running.set(false);
            for (Future<?> f : load) {
                f.get();
            }
            assertTrue(longest.get() < CALL_TIMEOUT.plusSeconds(1).toNanos(),
                    "no call outlasted its timeout; the longest took " + longest.get() / 1_000_000 + " ms");
            assertTrue(succeeded.get() > 0, "calls went through between the restarts");
            Function after = SampleFunctions.STFC_CONNECTION.newFunction();
            after.imports().setValue("REQUTEXT", "after " + restarts + " restarts");
            onPrem.call("MYDESTINATION_000", after);
            assertEquals("after " + restarts + " restarts", after.exports().getString("ECHOTEXT"));
            // the connections' threads and sockets are replaced, not added to (the caller's own idle gateway
            // connections are let go first: they are the simulated work processes', not the bridge's)
            onPrem.closeIdleConnections();
            Eventually.eventually(Duration.ofSeconds(10), () ->
                    ManagementFactory.getThreadMXBean().getThreadCount() <= threadsBefore + 3);
            Eventually.eventually(Duration.ofSeconds(10), () -> openFileDescriptors() <= socketsBefore + 5);
            System.out.printf("gateway restart loop: %d restarts, %d calls succeeded, %d failed while the gateway was "
                    + "down, longest call %d ms%n", restarts, succeeded.get(), failed.get(), longest.get() / 1_000_000);
        } finally {
            running.set(false);
            callers.shutdownNow();
            loaded.close();
        }
    }

    private static boolean allAlive(ListenerRuntime listener, SimulatedGateway gateway) {
        return listener.connections().stream().allMatch(c -> c.state() == ConnectionState.ALIVE
                || c.state() == ConnectionState.BUSY) && gateway.registrations().size() == CONNECTIONS;
    }

    /** Open file descriptors of this JVM (sockets among them); Linux only, 0 elsewhere. */
    private static long openFileDescriptors() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? 0 : fds.length;
    }
}
