package org.rfcbridge.wsrfc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * A cloud that cuts or fragments its replies in ways our simulator never did: a large reply as one message
 * in many frames passes through (Jetty no longer gathers a message), an item announcing more than
 * {@code max.item.mb} ends the call at once, and endless frames end it at {@code max.message.mb}; each a
 * COMMUNICATION_FAILURE naming what the cloud did and the setting, the heap back where it was, and the
 * destination serving the next call.
 */
class HostileCloudTest {
    private static final int ROWS = 20_000;
    private CloudFixture fixture;
    private WsRfcDestination destination;

    @AfterEach
    void stop() throws Exception {
        if (destination != null) {
            destination.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private WsRfcDestination start(long maxItemBytes, long maxMessageBytes) throws Exception {
        fixture = new CloudFixture();
        fixture.cloud.compressTables(TableCompression.NONE);
        X509TrustManager trust = CloudFixture.trustManager(fixture.cloud.caPem());
        ProtocolLimits limits = new ProtocolLimits((int) maxItemBytes, maxMessageBytes,
                ProtocolLimits.DEFAULT.maxTableRows(), ProtocolLimits.DEFAULT.maxTableBytes(),
                ProtocolLimits.DEFAULT.maxItems());
        destination = WsRfcDestination.start(fixture.settings("localhost", "BC_USER000", "PasswordForBC_USER000", "100",
                Duration.ofSeconds(30)), new WsRfcDestination.PoolSettings(1, Duration.ZERO, Duration.ofSeconds(5)),
                FollowingTrustManager.context(null, () -> trust), null, limits);
        return destination;
    }

    private static Function readRows(int rows) {
        Function read = SampleFunctions.Z_RFCBRIDGE_READ_ROWS.newFunction();
        read.imports().setValue("ROW_COUNT", rows);
        read.imports().setValue("ROW_WIDTH", 512);
        return read;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void aLargeReplyAsOneMessageInManyFramesPassesThrough() throws Exception {
        start(64 << 20, 1L << 30);
        fixture.cloud.fragmentNextReply(4096);
        Function read = readRows(ROWS);
        destination.execute(read);
        Table data = read.tables().getTable("DATA");
        assertEquals(ROWS, data.getNumRows());
        byte[] row = new byte[512];
        data.copyRowTo(ROWS - 1, row, 0);
        assertEquals((byte) (ROWS - 1 + 511), row[511]);
    }

    @Test
    void anItemLargerThanMaxItemEndsTheCallAtOnce() throws Exception {
        start(64 << 20, 1L << 30);
        destination.ping();
        long before = usedHeapAfterGc();
        fixture.cloud.sendEndlessReplyNext(256L << 20);
        long start = System.nanoTime();
        CommunicationFailureException e = assertThrows(CommunicationFailureException.class,
                () -> destination.execute(readRows(1)));
        assertTrue(e.getMessage().contains("the cloud announced an item of 268435456 bytes, more than the limit of "
                + "67108864 bytes for one item") && e.getMessage().contains("setting max.item.mb"), e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "refused at the item's header");
        assertTrue(usedHeapAfterGc() - before < 16 << 20, "the heap is back within 16 MB");
        Function next = SampleFunctions.STFC_CONNECTION.newFunction();
        next.imports().setValue("REQUTEXT", "after the attack");
        destination.execute(next);
        assertEquals("after the attack", next.exports().getString("ECHOTEXT"));
    }

    @Test
    void endlessFramesEndTheCallAtMaxMessage() throws Exception {
        start(64 << 20, 8 << 20);
        destination.ping();
        long before = usedHeapAfterGc();
        fixture.cloud.sendEndlessReplyNext(0);                     // endless empty items, one message that never ends
        CommunicationFailureException e = assertThrows(CommunicationFailureException.class,
                () -> destination.execute(readRows(1)));
        assertTrue(e.getMessage().contains("the reply exceeds the limit of 8388608 bytes")
                && e.getMessage().contains("setting max.message.mb"), e.getMessage());
        assertTrue(usedHeapAfterGc() - before < 16 << 20, "the heap is back within 16 MB");
        destination.ping();
    }
}
