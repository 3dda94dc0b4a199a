package org.rfcbridge.wsrfc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * Reliability: a slow cloud system and more callers than sessions. The pool is the back-pressure:
 * the cloud never sees more sessions than {@code pool.size}, a caller that finds every session busy
 * waits at most the call timeout and then gets a COMMUNICATION_FAILURE that says so, and nothing
 * queues without bound.
 */
class SlowCloudTest {
    @Test
    void moreCallersThanSessionsWaitBoundedAndAreToldWhy() throws Exception {
        try (CloudFixture fixture = new CloudFixture()) {
            X509TrustManager trust = CloudFixture.trustManager(fixture.cloud.caPem());
            WsRfcDestination destination = WsRfcDestination.start(fixture.settings("localhost", "BC_USER000",
                    "PasswordForBC_USER000", "100", Duration.ofSeconds(1)), new WsRfcDestination.PoolSettings(2,
                    Duration.ZERO, Duration.ofSeconds(1)), FollowingTrustManager.context(null, () -> trust), null,
                    ProtocolLimits.DEFAULT);
            ExecutorService callers = Executors.newFixedThreadPool(8);
            AtomicInteger succeeded = new AtomicInteger();
            AtomicInteger poolBusy = new AtomicInteger();
            AtomicInteger mostSessions = new AtomicInteger();
            AtomicLong longest = new AtomicLong();
            try {
                List<Future<?>> load = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    load.add(callers.submit(() -> {
                        for (int n = 0; n < 3; n++) {
                            long start = System.nanoTime();
                            try {
                                Function sleep = SampleFunctions.Z_RFCBRIDGE_SLEEP.newFunction();
                                sleep.imports().setValue("MILLISECONDS", 400);
                                destination.execute(sleep);
                                succeeded.incrementAndGet();
                            } catch (CommunicationFailureException e) {
                                assertTrue(e.getMessage().startsWith("Timeout: all 2 sessions of destination "
                                        + "Connection_to_Cloud stayed busy for 1000 ms"), e.getMessage());
                                poolBusy.incrementAndGet();
                            }
                            mostSessions.accumulateAndGet(fixture.cloud.openSessions(), Math::max);
                            longest.accumulateAndGet(System.nanoTime() - start, Math::max);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : load) {
                    f.get();
                }
            } finally {
                callers.shutdownNow();
                destination.close();
            }
            assertEquals(24, succeeded.get() + poolBusy.get(), "every call ended one way or the other");
            assertTrue(succeeded.get() >= 4 && poolBusy.get() > 0, succeeded + " succeeded, " + poolBusy + " busy");
            assertTrue(mostSessions.get() <= 2, "the cloud saw " + mostSessions.get() + " sessions at once");
            // a wait for a session (at most 1 s) plus the call itself (400 ms): never more than that and a margin
            assertTrue(longest.get() < Duration.ofMillis(2_000).toNanos(), "the longest call took "
                    + longest.get() / 1_000_000 + " ms");
        }
    }
}
