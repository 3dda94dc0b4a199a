package org.rfcbridge.cpic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.rfcbridge.api.data.Function;
import org.rfcbridge.simulators.onprem.SimulatedAbapSystem;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * Reliability: a steady load through the gateway and the listener's 5 connections, with the heap
 * after a full collection sampled every second. It must not grow: what a call allocates is gone
 * once the call is. 12 s in the build; {@code -Drfcbridge.soak.seconds=600} is the manual soak.
 */
class SoakTest {
    @Test
    void theHeapAfterCollectionDoesNotGrowUnderASteadyLoad() throws Exception {
        int seconds = Integer.getInteger("rfcbridge.soak.seconds", 12);
        LoadedListener loaded = new LoadedListener("soak", 5, Duration.ofSeconds(10));
        ListenerRuntime listener = loaded.listener;
        ListenerCounters counters = loaded.counters;
        SimulatedAbapSystem onPrem = loaded.onPrem;
        ExecutorService callers = Executors.newFixedThreadPool(3);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong calls = new AtomicLong();
        try {
            listener.start();
            Eventually.eventually(Duration.ofSeconds(15), () -> listener.connections().stream()
                    .allMatch(c -> c.state() == ConnectionState.ALIVE));
            List<Future<?>> load = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                load.add(callers.submit(() -> {
                    while (running.get()) {
                        Function call = SampleFunctions.STFC_STRUCTURE.newFunction();
                        call.imports().getStructure("IMPORTSTRUCT").setValue("RFCDATA1", "soak");
                        call.tables().getTable("RFCTABLE").appendRows(20);
                        onPrem.call("MYDESTINATION_000", call);
                        assertEquals(21, call.tables().getTable("RFCTABLE").getNumRows());
                        calls.incrementAndGet();
                    }
                    return null;
                }));
            }
            List<Long> heap = new ArrayList<>();
            for (int s = 0; s < seconds; s++) {
                Thread.sleep(1000);
                System.gc();
                heap.add(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            }
            running.set(false);
            for (Future<?> f : load) {
                f.get();
            }
            // the first samples include warm-up; compare the second third with the last third
            long middle = average(heap.subList(seconds / 3, 2 * seconds / 3));
            long end = average(heap.subList(2 * seconds / 3, seconds));
            System.out.printf("soak: %d s, %d calls, heap after collection %d MB -> %d MB, errors %d%n", seconds,
                    calls.get(), middle >> 20, end >> 20, counters.snapshot().errors());
            assertEquals(0, counters.snapshot().errors());
            assertTrue(calls.get() > seconds * 50L, "the load was steady: " + calls.get() + " calls");
            assertTrue(end - middle < 16L << 20, "the heap after collection grew from " + (middle >> 20) + " MB to "
                    + (end >> 20) + " MB");
        } finally {
            running.set(false);
            callers.shutdownNow();
            loaded.close();
        }
    }

    private static long average(List<Long> values) {
        return (long) values.stream().mapToLong(Long::longValue).average().orElse(0);
    }
}
