package org.rfcbridge.monitoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.CallSummary;

/**
 * The call log's line, and the queue that writes it: in order, each line with its call's end, off the call's
 * thread, calls beyond the queue dropped and counted.
 */
class CallLogTest {
    @Test
    void aLineHasEveryFieldAndAFailedCallItsErrorLast() {
        assertEquals("call=0123456789ab listener=CLOUD_SYSTEM_VIA_BC sender=YI3000 receiver=MYDESTINATION_000 "
                + "user=DEVELOPER function=STFC_CONNECTION rule=tutorial destination=Connection_to_Cloud bytes.in=900 "
                + "bytes.out=1200 rows=7 ms.total=2.001 ms.bridge=0.500 ms.cloud=1.501 result=OK",
                CallLogLine.of(CallMetricsTest.call("STFC_CONNECTION", CallSummary.OK, 2_000_500, 1_500_500)));
        assertTrue(CallLogLine.of(CallMetricsTest.call("STFC_CHANGING", "SYSTEM_FAILURE", 1_000_000, 0))
                .endsWith(" result=SYSTEM_FAILURE text=\"No routing rule matches\""));
    }

    private static List<String> logged(Runnable writes) {
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));     // slf4j-simple writes here
        try {
            writes.run();
        } finally {
            System.setErr(err);
        }
        return Arrays.stream(log.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(line -> line.contains(" call=")).toList();
    }

    @Test
    void theQueueWritesEveryCallsLineInOrder() {
        List<String> lines = logged(() -> {
            try (CallQueue queue = new CallQueue(100, CallLog::write)) {
                for (int i = 0; i < 10; i++) {
                    queue.offer(CallMetricsTest.call("F" + i, CallSummary.OK, 1000, 0));
                }
                assertEquals(0, queue.dropped());
            }
        });
        assertEquals(10, lines.size(), lines.toString());
        for (int i = 0; i < 10; i++) {
            assertTrue(lines.get(i).contains(" function=F" + i + " "), lines.get(i));
            assertTrue(lines.get(i).contains("2026-12-06T") && lines.get(i).contains(" call=0123456789ab "),
                    "each line with the time its call ended: " + lines.get(i));
        }
    }

    @Test
    void aFullQueueDropsAndCountsTheCallNeverWaits() {
        java.util.concurrent.atomic.AtomicInteger handled = new java.util.concurrent.atomic.AtomicInteger();
        int offered = 10_000;
        try (CallQueue queue = new CallQueue(1, batch -> handled.addAndGet(batch.size()))) {
            for (int i = 0; i < offered; i++) {
                queue.offer(CallMetricsTest.call("F", CallSummary.OK, 1000, 0));
            }
            // the queue's thread takes calls every 100 ms: 10,000 offers into a queue of one mostly find it full
            assertTrue(queue.dropped() > 0 && queue.dropped() < offered, "dropped " + queue.dropped());
            queue.close();
            assertEquals(offered, handled.get() + queue.dropped(), "every call handled or counted as dropped");
        }
    }
}
