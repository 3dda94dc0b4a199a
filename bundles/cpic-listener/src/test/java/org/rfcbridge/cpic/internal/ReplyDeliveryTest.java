package org.rfcbridge.cpic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rfcbridge.api.CallObserver;
import org.rfcbridge.api.CallSummary;
import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.simulators.samples.SampleDestination;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * A call's record ends once its reply has gone to the gateway: the caller does not wait for the call log, and a
 * reply the gateway connection broke on is logged as COMMUNICATION_FAILURE, not as a success.
 */
class ReplyDeliveryTest {
    private final BlockingQueue<CallSummary> ended = new LinkedBlockingQueue<>();
    private final CountDownLatch callerHasReply = new CountDownLatch(1);
    private LoadedListener bridge;

    @AfterEach
    void stop() {
        if (bridge != null) {
            bridge.close();
        }
    }

    /** One connection, every call to {@code cloud}; what ends goes to {@code observer}. */
    private void startListener(SampleDestination cloud, CallObserver observer) throws Exception {
        bridge = new LoadedListener("delivery", 1, Duration.ofSeconds(10),
                ListenerRuntime.Settings.DEFAULT_WRITE_TIMEOUT, cloud, observer);
        bridge.listener.start();
        Eventually.eventually(Duration.ofSeconds(15), () -> bridge.listener.connections().stream()
                .allMatch(c -> c.state() == ConnectionState.ALIVE));
    }

    @Test
    void theRecordEndsAfterTheCallerHasItsReply() throws Exception {
        List<Boolean> replyFirst = new CopyOnWriteArrayList<>();
        // had the record ended before the reply was written, the caller would have waited for this observer
        startListener(new SampleDestination("Connection_to_Cloud", "CLD"), call -> {
            try {
                replyFirst.add(callerHasReply.await(5, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ended.add(call);
        });
        Function call = SampleFunctions.STFC_CONNECTION.newFunction();
        call.imports().setValue("REQUTEXT", "delivered");
        bridge.onPrem.call("MYDESTINATION_000", call);
        callerHasReply.countDown();
        assertEquals("delivered", call.exports().getString("ECHOTEXT"));
        CallSummary summary = ended.poll(10, TimeUnit.SECONDS);
        assertEquals(List.of(true), replyFirst, "the caller had its reply before the call's record ended");
        assertEquals("OK", summary.result());
        assertTrue(summary.bytesOut() > 0, "the reply's bytes are counted: " + summary.bytesOut());
    }

    @Test
    void aReplyTheGatewayConnectionBrokeOnIsLoggedAsCommunicationFailure() throws Exception {
        SampleDestination cloud = new SampleDestination("Connection_to_Cloud", "CLD");
        cloud.delay(Duration.ofSeconds(1));
        startListener(cloud, ended::add);
        CompletableFuture<Function> call = CallsInBackground.call(bridge.onPrem,
                SampleFunctions.STFC_CONNECTION.newFunction());
        Eventually.eventually(Duration.ofSeconds(5), () -> bridge.listener.connections().stream()
                .anyMatch(c -> c.state() == ConnectionState.BUSY));
        assertTrue(bridge.gateway.resetRegistration(ListenerTest.PROGRAM_ID),
                "the call's connection is reset while the call is in the cloud");
        CallSummary summary = ended.poll(10, TimeUnit.SECONDS);
        assertEquals("COMMUNICATION_FAILURE", summary.result(), summary.toString());
        assertTrue(summary.errorText().startsWith("the reply's last part did not reach the gateway: "),
                summary.errorText());
        assertEquals(0, summary.bytesOut(), "nothing of the reply was delivered");
        ExecutionException failed = assertThrows(ExecutionException.class, () -> call.get(15, TimeUnit.SECONDS));
        assertTrue(failed.getCause().getCause() instanceof RfcException, "the caller got an RFC error: " + failed);
    }
}
