package org.rfcbridge.wsrfc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * A call whose caller does not wait ({@code execute(Function, Answered)}): the caller's thread is free as soon as
 * the request is out, a small reply is applied and answered on the thread that received it, a large or fragmented
 * one by a reply thread, and a reply that is late, or a session that ends, still ends the call exactly once.
 */
class AnsweredReplyTest {
    private CloudFixture fixture;
    private WsRfcDestination destination;

    /** What one call ended with, and on which thread. */
    private static final class Outcome {
        final CompletableFuture<RfcException> failure = new CompletableFuture<>();
        volatile String thread;
        volatile int answers;

        void answered(RfcException e) {
            answers++;
            thread = Thread.currentThread().getName();
            failure.complete(e);
        }

        RfcException await() throws Exception {
            return failure.get(20, TimeUnit.SECONDS);
        }
    }

    private void start(Duration callTimeout) throws Exception {
        fixture = new CloudFixture();
        X509TrustManager trust = CloudFixture.trustManager(fixture.cloud.caPem());
        destination = WsRfcDestination.start(fixture.settings("localhost", "BC_USER000", "PasswordForBC_USER000", "100",
                callTimeout), new WsRfcDestination.PoolSettings(1, Duration.ZERO, Duration.ofSeconds(5)),
                FollowingTrustManager.context(null, () -> trust), null, ProtocolLimits.DEFAULT);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable started : new AutoCloseable[] {destination, fixture}) {
            if (started != null) {
                started.close();
            }
        }
    }

    @Test
    void aSmallReplyIsAnsweredOnTheThreadThatReceivedIt() throws Exception {
        start(Duration.ofSeconds(10));
        destination.execute(echo("logon first"));       // the session is open and logged on: what follows is the call
        Function sleep = SampleFunctions.Z_RFCBRIDGE_SLEEP.newFunction();
        sleep.imports().setValue("MILLISECONDS", 300);
        Outcome outcome = new Outcome();

        destination.execute(sleep, outcome::answered);

        assertFalse(outcome.failure.isDone(), "the caller's thread is free while the cloud works on the call");
        assertNull(outcome.await());
        assertTrue(outcome.thread.startsWith(JettyClients.threadsName("Connection_to_Cloud") + "-"),
                "answered by the WebSocket client's thread that read the reply: " + outcome.thread);
        assertEquals(1, outcome.answers);
        Function echo = echo("next");
        destination.execute(echo);
        assertEquals("next", echo.exports().getString("ECHOTEXT"), "the session serves the next call");
    }

    @Test
    void aFragmentedOrLargeReplyIsTakenByAReplyThread() throws Exception {
        start(Duration.ofSeconds(10));
        destination.execute(echo("logon first"));
        fixture.cloud.fragmentNextReply(100);
        Function fragmented = echo("in frames of 100 bytes");
        Outcome first = new Outcome();
        destination.execute(fragmented, first::answered);
        assertNull(first.await());
        assertEquals("in frames of 100 bytes", fragmented.exports().getString("ECHOTEXT"));
        assertTrue(first.thread.startsWith("rfcbridge-reply-Connection_to_Cloud"), first.thread);

        Function rows = SampleFunctions.Z_RFCBRIDGE_READ_ROWS.newFunction();
        rows.imports().setValue("ROW_COUNT", 20_000);
        rows.imports().setValue("ROW_WIDTH", 512);
        Outcome large = new Outcome();
        destination.execute(rows, large::answered);
        assertNull(large.await());
        assertEquals(20_000, rows.tables().getTable("DATA").getNumRows());
        assertTrue(large.thread.startsWith("rfcbridge-reply-Connection_to_Cloud"), large.thread);
    }

    /**
     * Rows can unpack to many times their size (compressed, or blank-truncated and padded to the row type's width),
     * past what the gateway connection takes without waiting: a reply with rows goes to a reply thread, however small
     * it arrives, in either form.
     */
    @Test
    void aSmallReplyWithTableRowsIsTakenByAReplyThread() throws Exception {
        start(Duration.ofSeconds(10));
        destination.execute(echo("logon first"));
        for (TableCompression compression : new TableCompression[] {TableCompression.LZH, TableCompression.NONE}) {
            fixture.cloud.compressTables(compression);
            Function rows = SampleFunctions.Z_RFCBRIDGE_READ_ROWS.newFunction();
            rows.imports().setValue("ROW_COUNT", 3);
            rows.imports().setValue("ROW_WIDTH", 512);
            Outcome outcome = new Outcome();
            destination.execute(rows, outcome::answered);
            assertNull(outcome.await());
            assertEquals(3, rows.tables().getTable("DATA").getNumRows());
            assertTrue(outcome.thread.startsWith("rfcbridge-reply-Connection_to_Cloud"), compression + ": "
                    + outcome.thread);
        }
    }

    @Test
    void aLateReplyEndsTheCallOnceAtTheCallTimeoutAndTheNextCallGetsANewSession() throws Exception {
        start(Duration.ofSeconds(1));
        Function sleep = SampleFunctions.Z_RFCBRIDGE_SLEEP.newFunction();
        sleep.imports().setValue("MILLISECONDS", 3000);
        Outcome outcome = new Outcome();

        destination.execute(sleep, outcome::answered);

        RfcException failure = outcome.await();
        assertTrue(failure instanceof CommunicationFailureException, String.valueOf(failure));
        assertEquals("Timeout: destination Connection_to_Cloud did not answer Z_RFCBRIDGE_SLEEP within 1000 ms",
                failure.getMessage());
        Function echo = echo("after the timeout");
        destination.execute(echo);
        assertEquals("after the timeout", echo.exports().getString("ECHOTEXT"));
        Thread.sleep(2500);                            // the late reply's time has come and gone: nothing more
        assertEquals(1, outcome.answers, "the call ended once");
        assertEquals("COMMUNICATION_FAILURE: " + failure.getMessage(), destination.status().lastError());
    }

    @Test
    void aSessionThatEndsDuringTheCallEndsIt() throws Exception {
        start(Duration.ofSeconds(10));
        destination.execute(echo("logon first"));
        Function sleep = SampleFunctions.Z_RFCBRIDGE_SLEEP.newFunction();
        sleep.imports().setValue("MILLISECONDS", 2000);
        Outcome outcome = new Outcome();

        destination.execute(sleep, outcome::answered);
        assertEquals(1, fixture.cloud.dropSessions());

        RfcException failure = outcome.await();
        assertTrue(failure instanceof CommunicationFailureException, String.valueOf(failure));
        assertTrue(failure.getMessage().startsWith("The WebSocket to destination Connection_to_Cloud was "),
                failure.getMessage());
        assertTrue(failure.getMessage().endsWith(" during Z_RFCBRIDGE_SLEEP"), failure.getMessage());
        Function echo = echo("after the drop");
        destination.execute(echo);
        assertEquals("after the drop", echo.exports().getString("ECHOTEXT"));
        assertEquals(1, outcome.answers);
    }

    private static Function echo(String text) {
        Function echo = SampleFunctions.STFC_CONNECTION.newFunction();
        echo.imports().setValue("REQUTEXT", text);
        return echo;
    }
}
