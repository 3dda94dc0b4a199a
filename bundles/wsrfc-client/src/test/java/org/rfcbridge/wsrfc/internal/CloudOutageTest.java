package org.rfcbridge.wsrfc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.simulators.cloud.SimulatedCloudSystem;
import org.rfcbridge.simulators.samples.SampleFunctions;
import org.rfcbridge.simulators.tls.CertificateAuthority;
import org.rfcbridge.simulators.tls.IssuedCertificate;

/**
 * Reliability: the cloud system goes away under load and comes back on the same port. Every call in
 * flight or made during the outage ends with COMMUNICATION_FAILURE within its timeout, none hangs,
 * the destination serves calls again without being restarted, and repeated outages leave no threads
 * or sockets behind.
 */
class CloudOutageTest {
    private static final int OUTAGES = 5;
    private static final int CALLERS = 5;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

    private SimulatedCloudSystem cloud;

    @Test
    void inFlightCallsFailWithinTheirTimeoutAndTheDestinationRecovers() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("Outage CA", Duration.ofDays(1));
        IssuedCertificate certificate = ca.issue(List.of("localhost"), Duration.ofDays(1));
        cloud = SimulatedCloudSystem.start(0, ca, certificate, "CLD", ProtocolLimits.DEFAULT,
                e -> { });
        int port = cloud.port();
        X509TrustManager trust = CloudFixture.trustManager(ca.certificatePem());
        WsRfcSettings settings = new WsRfcSettings("Connection_to_Cloud", "localhost", port, null, "rfc.sap.com",
                java.util.Map.of(), "BC_USER000", "PasswordForBC_USER000", "100", "E", Duration.ofSeconds(2),
                CALL_TIMEOUT);
        WsRfcDestination destination = WsRfcDestination.start(settings, new WsRfcDestination.PoolSettings(5,
                Duration.ZERO, Duration.ofSeconds(1)), FollowingTrustManager.context(null, () -> trust), null,
                ProtocolLimits.DEFAULT);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong succeeded = new AtomicLong();
        AtomicLong communicationFailures = new AtomicLong();
        AtomicLong otherFailures = new AtomicLong();
        AtomicLong longest = new AtomicLong();
        try {
            destination.ping();
            List<Future<?>> load = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                load.add(callers.submit(() -> {
                    while (running.get()) {
                        long start = System.nanoTime();
                        try {
                            Function sleep = SampleFunctions.Z_RFCBRIDGE_SLEEP.newFunction();
                            sleep.imports().setValue("MILLISECONDS", 20);
                            destination.execute(sleep);
                            succeeded.incrementAndGet();
                        } catch (CommunicationFailureException e) {
                            communicationFailures.incrementAndGet();
                        } catch (RfcException e) {
                            otherFailures.incrementAndGet();
                        }
                        longest.accumulateAndGet(System.nanoTime() - start, Math::max);
                    }
                    return null;
                }));
            }
            waitFor(() -> succeeded.get() > 50);
            // five outages: the client's threads and sockets after the fifth are no more than after the first,
            // give or take the thread pool growing to the callers' concurrency (Jetty's pool grows on demand and
            // shrinks only after a minute); a leak per session (five per outage) would exceed that
            List<int[]> afterEach = new ArrayList<>();
            for (int outage = 0; outage < OUTAGES; outage++) {
                long failuresBefore = communicationFailures.get();
                cloud.dropSessions();
                cloud.close();                               // calls in flight lose their session
                waitFor(() -> communicationFailures.get() > failuresBefore + 20);
                long beforeRecovery = succeeded.get();
                cloud = SimulatedCloudSystem.start(port, ca, certificate, "CLD", ProtocolLimits.DEFAULT, e -> { });
                waitFor(() -> succeeded.get() > beforeRecovery + 50);
                afterEach.add(new int[] {clientThreads(), openFileDescriptors()});
            }
            running.set(false);
            for (Future<?> f : load) {
                f.get();
            }
            assertEquals(0, otherFailures.get(), "an outage is a COMMUNICATION_FAILURE, nothing else");
            assertTrue(longest.get() < CALL_TIMEOUT.plusSeconds(1).toNanos(),
                    "no call outlasted its timeout; the longest took " + longest.get() / 1_000_000 + " ms");
            int[] first = afterEach.get(0);
            int[] last = afterEach.get(OUTAGES - 1);
            assertTrue(last[0] <= first[0] + CALLERS + 2, "client threads after the first outage " + first[0]
                    + ", after the last " + last[0]);
            assertTrue(last[1] <= first[1] + 5, "open files after the first outage " + first[1] + ", after the last "
                    + last[1]);
            System.out.printf("cloud outages: %d, %d calls succeeded, %d ended with COMMUNICATION_FAILURE, "
                    + "longest %d ms, client threads %d -> %d, open files %d -> %d%n", OUTAGES, succeeded.get(),
                    communicationFailures.get(), longest.get() / 1_000_000, first[0], last[0], first[1], last[1]);
        } finally {
            running.set(false);
            callers.shutdownNow();
            destination.close();
            cloud.close();
        }
    }

    /** Open file descriptors of this JVM (sockets among them); Linux only, 0 elsewhere. */
    private static int openFileDescriptors() {
        String[] fds = new java.io.File("/proc/self/fd").list();
        return fds == null ? 0 : fds.length;
    }

    private static int clientThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("rfcbridge-Connection_to_Cloud")).count();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 30 s");
            Thread.sleep(10);
        }
    }
}
