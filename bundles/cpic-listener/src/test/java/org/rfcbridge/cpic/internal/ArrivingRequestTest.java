package org.rfcbridge.cpic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rfcbridge.api.ArrivingRequest;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.RowStream;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.simulators.onprem.SimulatedAbapSystem;
import org.rfcbridge.simulators.onprem.SimulatedGateway;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * A large request passed on while it arrives (issue 21), with a destination that takes it as the WebSocket RFC
 * client does ({@link RfcDestination#execute(Function, ArrivingRequest)}) but slowly and under the test's control:
 * rows reach it while the caller still sends, the bridge meanwhile holds a bounded part of the request however
 * large it is, a failure after the first rows ends only that call with the destination's error (the rest of the
 * request is read and thrown away; the connection stays registered), and a gateway that goes away in the middle
 * ends the call without touching the destination's session again.
 */
class ArrivingRequestTest {
    private static final String PROGRAM_ID = "CLOUD_SYSTEM_VIA_BC";
    /** 200,000 rows of 264 bytes: a 53 MB request. */
    private static final int ROWS = 200_000;
    private static final int PAUSE_AFTER = 1_000;
    private final ListenerCounters counters = new ListenerCounters();
    private final StreamingCloud cloud = new StreamingCloud();
    private SimulatedGateway gateway;
    private CountingProxy proxy;
    private ListenerRuntime listener;
    private SimulatedAbapSystem onPrem;

    /** Takes the rows of RFCTABLE as they arrive, checks each, keeps none; pauses once when told to. */
    private final class StreamingCloud extends SampleCloud {
        final AtomicInteger rows = new AtomicInteger();
        final CountDownLatch paused = new CountDownLatch(1);
        final CountDownLatch goOn = new CountDownLatch(1);
        volatile boolean pause;
        volatile RfcException failAfterPause;
        final AtomicReference<Throwable> arrival = new AtomicReference<>();

        @Override
        public boolean streamsRequests() {
            return true;
        }

        @Override
        public void execute(Function function, ArrivingRequest rest) throws RfcException {
            Table table = function.tables().getTable("RFCTABLE");
            RowStream previous = table.rowStream();
            byte[] row = new byte[table.metadata().byteLength()];
            table.streamRowsTo(new RowStream() {
                @Override
                public void begin(Table t, int count) {
                    assertEquals(ROWS, count);
                }

                @Override
                public void row(Table t, byte[] source, int offset) {
                    System.arraycopy(source, offset, row, 0, row.length);
                    int n = rows.getAndIncrement();
                    assertEquals(n, java.nio.ByteBuffer.wrap(row, rowInt4Offset(t), 4).order(
                            java.nio.ByteOrder.LITTLE_ENDIAN).getInt(), "row " + n + " arrives in order, intact");
                }
            });
            try {
                while (rest.arrive()) {
                    if (pause && rows.get() >= PAUSE_AFTER && paused.getCount() > 0) {
                        paused.countDown();
                        goOn.await(30, TimeUnit.SECONDS);
                        if (failAfterPause != null) {
                            throw failAfterPause;
                        }
                    }
                }
            } catch (IOException e) {
                arrival.set(e);
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CommunicationFailureException("interrupted");
            } finally {
                table.streamRowsTo(previous);
            }
            table.clear();
            function.exports().setValue("RESPTEXT", rows.get() + " rows arrived");
        }
    }

    /** Where RFCINT4 sits in an RFCTEST row. */
    private static int rowInt4Offset(Table table) {
        return table.metadata().find("RFCINT4").offset();
    }

    @BeforeEach
    void start() throws Exception {
        gateway = SimulatedGateway.start(SimulatedGateway.Settings.defaults(0), event -> { });
        BridgeCallHandler handler = new BridgeCallHandler(PROGRAM_ID, () -> call -> cloud, cloud::repository,
                "Connection_to_Cloud", false, counters, ProtocolLimits.DEFAULT, TableCompression.NONE, call -> { });
        // 1 MB for large requests, and 2 MB per call: a request gathered whole would be refused
        ProtocolLimits limits = new ProtocolLimits(ProtocolLimits.DEFAULT.maxRecordBytes(), 2L << 20,
                ProtocolLimits.DEFAULT.maxTableRows(), ProtocolLimits.DEFAULT.maxTableBytes(),
                ProtocolLimits.DEFAULT.maxItems());
        proxy = new CountingProxy(gateway.port());
        listener = new ListenerRuntime("arriving", PROGRAM_ID, 2, () -> new GatewayAddress("127.0.0.1", proxy.port()),
                handler, counters, new ListenerRuntime.Settings(Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofSeconds(2), limits, Duration.ofSeconds(30), Duration.ofSeconds(30),
                new RequestMemory(1L << 20, Duration.ofSeconds(1))));
        listener.start();
        Eventually.eventually(Duration.ofSeconds(10), () -> CallsInBackground.registrations(gateway).size() == 2);
        onPrem = new SimulatedAbapSystem(new SimulatedAbapSystem.Identity("YI3", "000", "DEVELOPER", "E"),
                Duration.ofSeconds(60), ProtocolLimits.DEFAULT, TableCompression.NONE);
        onPrem.addDestination(new SimulatedAbapSystem.TypeTDestination("MYDESTINATION_000", "127.0.0.1",
                gateway.port(), PROGRAM_ID));
    }

    @AfterEach
    void stop() throws IOException {
        cloud.goOn.countDown();
        listener.stop();
        proxy.close();
        gateway.close();
    }

    /** Passes the listener's connections on to the gateway, counting the bytes the gateway sends the listener. */
    private static final class CountingProxy implements AutoCloseable {
        final java.util.concurrent.atomic.AtomicLong toListener = new java.util.concurrent.atomic.AtomicLong();
        private final java.net.ServerSocket server = new java.net.ServerSocket(0, 10,
                java.net.InetAddress.getLoopbackAddress());
        private final java.util.List<java.net.Socket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();

        CountingProxy(int gatewayPort) throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        java.net.Socket listenerSide = server.accept();
                        java.net.Socket gatewaySide = new java.net.Socket("127.0.0.1", gatewayPort);
                        sockets.add(listenerSide);
                        sockets.add(gatewaySide);
                        pump(gatewaySide, listenerSide, toListener);
                        pump(listenerSide, gatewaySide, new java.util.concurrent.atomic.AtomicLong());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void pump(java.net.Socket from, java.net.Socket to, java.util.concurrent.atomic.AtomicLong count) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (java.io.InputStream in = from.getInputStream(); java.io.OutputStream out = to.getOutputStream()) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        out.write(buffer, 0, n);
                        count.addAndGet(n);
                    }
                } catch (IOException closed) {
                    // one side went: the other goes too
                } finally {
                    close(from);
                    close(to);
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        private static void close(java.net.Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closed already
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            sockets.forEach(CountingProxy::close);
        }
    }

    private static Function upload() {
        Function call = SampleFunctions.STFC_STRUCTURE.newFunction();
        Table table = call.tables().getTable("RFCTABLE");
        for (int i = 0; i < ROWS; i++) {
            table.appendRow();
            table.setValue("RFCINT4", i);
            table.setValue("RFCDATA1", "row " + i);
        }
        return call;
    }

    @Test
    void rowsReachTheCloudWhileTheCallerStillSendsAndTheBridgeHoldsLittle() throws Exception {
        cloud.pause = true;
        CompletableFuture<Function> result = CallsInBackground.call(onPrem, upload());
        assertTrue(cloud.paused.await(30, TimeUnit.SECONDS), "the first rows reached the cloud");
        Thread.sleep(1_000);                                       // time for whatever would still flow to flow
        long inFlight = proxy.toListener.get();
        int arrived = cloud.rows.get();
        assertFalse(result.isDone());
        assertTrue(arrived < ROWS / 10, "the cloud paused after " + arrived + " of " + ROWS + " rows");
        // what the gateway got rid of while the cloud paused: what the listener read (the head, a record, the rows
        // passed on) and what the sockets' buffers between them hold; gathered whole, it would be the request
        long request = (long) ROWS * 264;
        System.out.printf("arriving request: %d of %d bytes had left the gateway when the cloud paused after %d rows%n",
                inFlight, request, arrived);
        assertTrue(inFlight < 20L << 20, (inFlight >> 20) + " MB of the " + (request >> 20) + " MB request left the "
                + "gateway while the cloud paused");
        cloud.goOn.countDown();
        Function answered = result.get(60, TimeUnit.SECONDS);
        assertEquals(ROWS, cloud.rows.get());
        assertEquals(ROWS + " rows arrived", answered.exports().getString("RESPTEXT"));
        assertTrue(proxy.toListener.get() > request, "then all of it");
    }

    @Test
    void aFailureAfterTheFirstRowsEndsOnlyThatCall() throws Exception {
        cloud.pause = true;
        cloud.failAfterPause = new CommunicationFailureException("The WebSocket to destination Connection_to_Cloud "
                + "broke while the request was sent");
        Set<Integer> registered = CallsInBackground.registrations(gateway);
        CompletableFuture<Function> result = CallsInBackground.call(onPrem, upload());
        assertTrue(cloud.paused.await(30, TimeUnit.SECONDS));
        cloud.goOn.countDown();
        Throwable failure = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> result.get(60, TimeUnit.SECONDS)).getCause().getCause();
        assertTrue(failure instanceof CommunicationFailureException, String.valueOf(failure));
        assertTrue(failure.getMessage().contains("broke while the request was sent"), failure.getMessage());
        assertEquals(registered, CallsInBackground.registrations(gateway), "the rest of the request was read and thrown away, the connection "
                + "kept");
        Function next = SampleFunctions.STFC_CONNECTION.newFunction();
        next.imports().setValue("REQUTEXT", "next");
        onPrem.call("MYDESTINATION_000", next);
        assertEquals("next", next.exports().getString("ECHOTEXT"));
    }

    @Test
    void aGatewayThatGoesAwayInTheMiddleEndsTheCall() throws Exception {
        cloud.pause = true;
        CompletableFuture<Function> result = CallsInBackground.call(onPrem, upload());
        assertTrue(cloud.paused.await(30, TimeUnit.SECONDS));
        gateway.close();
        cloud.goOn.countDown();
        assertThrows(java.util.concurrent.ExecutionException.class, () -> result.get(60, TimeUnit.SECONDS));
        Eventually.eventually(Duration.ofSeconds(10), () -> cloud.arrival.get() != null);
        assertTrue(cloud.rows.get() < ROWS, "the call ended before the rest arrived");
        Eventually.eventually(Duration.ofSeconds(10), () -> listener.state() != ConnectionState.ALIVE);
    }
}
