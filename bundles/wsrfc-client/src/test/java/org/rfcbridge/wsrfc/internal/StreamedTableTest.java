package org.rfcbridge.wsrfc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.X509TrustManager;

import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.RowStream;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.classic.ResponseDecoder;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * A large table from the simulated cloud passed on row by row while it arrives (the bridge's large-table
 * path): every row arrives intact and in order, a slow receiver holds the cloud back instead of
 * filling the heap, and a receiver that fails ends the call and its session, not the destination.
 */
class StreamedTableTest {
    private static final int ROWS = 20_000;
    private CloudFixture fixture;
    private WebSocketClient client;
    private WsRfcDestination destination;

    @AfterEach
    void stop() throws Exception {
        if (destination != null) {
            destination.close();
        }
        if (client != null) {
            client.stop();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    /** Checks row i holds (i + j) mod 256 (what Z_RFCBRIDGE_READ_ROWS sends), optionally slowly. */
    private static class CheckingRows implements RowStream {
        final int pauseEvery;
        int announced = -1;
        int rows;

        CheckingRows(int pauseEvery) {
            this.pauseEvery = pauseEvery;
        }

        @Override
        public void begin(Table table, int count) {
            announced = count;
        }

        @Override
        public void row(Table table, byte[] source, int offset) {
            for (int j = 0; j < 512; j++) {
                if (source[offset + j] != (byte) (rows + j)) {
                    throw new AssertionError("row " + rows + " byte " + j + " is " + source[offset + j]);
                }
            }
            rows++;
            if (pauseEvery > 0 && rows % pauseEvery == 0) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static Function readRows(int rows, RowStream stream) {
        Function read = SampleFunctions.Z_RFCBRIDGE_READ_ROWS.newFunction();
        read.imports().setValue("ROW_COUNT", rows);
        read.imports().setValue("ROW_WIDTH", 512);
        read.tables().getTable("DATA").streamRowsTo(stream);
        return read;
    }

    @Test
    void aSlowReceiverHoldsTheCloudBackWithinTheReceiveWindow() throws Exception {
        fixture = new CloudFixture();
        // uncompressed, so the wire carries the table's 10 MB and the window fills
        fixture.cloud.compressTables(TableCompression.NONE);
        client = JettyClients.start(CloudFixture.trusting(fixture.cloud.caPem()), ProtocolLimits.DEFAULT.maxMessageBytes());
        ClassicSerializer serializer = new ClassicSerializer(ProtocolLimits.DEFAULT);
        CheckingRows slow = new CheckingRows(20);                      // 1,000 pauses: a second or more for 10 MB
        Function read = readRows(ROWS, slow);
        try (WsRfcConnection connection = WsRfcConnection.open(client, fixture.settings("localhost", "BC_USER000",
                "PasswordForBC_USER000", "100", Duration.ofSeconds(30)), ProtocolLimits.DEFAULT)) {
            ResponseDecoder decoder = serializer.decoder().responseDecoder(read, "cloud");
            CompletableFuture<RfcException> outcome = new CompletableFuture<>();
            ExecutorService replyThread = Executors.newSingleThreadExecutor();
            // a reply this large is taken by a reply thread, which the slow receiver holds up
            connection.invoke(serializer.encoder().encodeRequest(read), read.name(), items -> decoder.feed(items, 0,
                    items.length), replyThread, outcome::complete);
            try {
                assertNull(outcome.get(60, TimeUnit.SECONDS));
            } finally {
                replyThread.shutdown();
            }
            decoder.end();
            assertEquals(ROWS, slow.announced);
            assertEquals(ROWS, slow.rows);
            assertEquals(ROWS, read.tables().getTable("DATA").getNumRows());
            long peak = connection.peakWaitingBytes();
            // the window, plus the message whose arrival filled it
            assertTrue(peak <= WsRfcConnection.RECEIVE_WINDOW + 28_000, "waiting bytes peaked at " + peak);
            assertTrue(peak >= WsRfcConnection.RECEIVE_WINDOW, "the receiver was slow enough to fill the window: " + peak);
        }
    }

    @Test
    void aReceiverThatFailsEndsTheCallAndItsSessionNotTheDestination() throws Exception {
        fixture = new CloudFixture();
        X509TrustManager trust = CloudFixture.trustManager(fixture.cloud.caPem());
        destination = WsRfcDestination.start(fixture.tutorial(), new WsRfcDestination.PoolSettings(1, Duration.ZERO,
                Duration.ofSeconds(5)), FollowingTrustManager.context(null, () -> trust), null, ProtocolLimits.DEFAULT);
        CheckingRows failing = new CheckingRows(0) {
            @Override
            public void row(Table table, byte[] source, int offset) {
                super.row(table, source, offset);
                if (rows == 1000) {
                    throw new UncheckedIOException(new IOException("the gateway connection closed"));
                }
            }
        };
        // the receiver's failure ends the call as SYSTEM_FAILURE, naming it, on whichever thread applied the reply
        SystemFailureException e = assertThrows(SystemFailureException.class, () -> destination.execute(readRows(ROWS,
                failing)));
        assertTrue(e.getCause() instanceof UncheckedIOException, String.valueOf(e.getCause()));
        assertTrue(e.getMessage().endsWith("the gateway connection closed"), e.getMessage());
        assertEquals(0, destination.openSessions(), "the rest of that reply is still coming: the session is closed");

        CheckingRows next = new CheckingRows(0);
        destination.execute(readRows(ROWS, next));
        assertEquals(ROWS, next.rows);
        Function kept = SampleFunctions.Z_RFCBRIDGE_READ_ROWS.newFunction();
        kept.imports().setValue("ROW_COUNT", 3);
        destination.execute(kept);
        assertEquals(3, kept.tables().getTable("DATA").getNumRows());
        assertFalse(kept.tables().getTable("DATA").isStreamed());
    }
}
