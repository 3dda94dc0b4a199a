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

/** The call log's line, and its writer: in order, off the call's thread, lines beyond the queue dropped and counted. */
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
                .filter(line -> line.contains(CallLogWriter.LOGGER)).toList();
    }

    @Test
    void theWriterWritesEveryQueuedLineInOrder() {
        List<String> lines = logged(() -> {
            try (CallLogWriter writer = new CallLogWriter(100)) {
                for (int i = 0; i < 10; i++) {
                    writer.offer(CallMetricsTest.call("F" + i, CallSummary.OK, 1000, 0));
                }
                assertEquals(0, writer.dropped());
            }
        });
        assertEquals(10, lines.size(), lines.toString());
        for (int i = 0; i < 10; i++) {
            assertTrue(lines.get(i).contains(" function=F" + i + " "), lines.get(i));
        }
    }

    @Test
    void aFullQueueDropsAndCountsTheLineNeverWaits() {
        logged(() -> {
            try (CallLogWriter writer = new CallLogWriter(1)) {
                int offered = 10_000;
                for (int i = 0; i < offered; i++) {
                    writer.offer(CallMetricsTest.call("F", CallSummary.OK, 1000, 0));
                }
                // the writer thread cannot keep up with 10,000 offers into a queue of one
                assertTrue(writer.dropped() > 0 && writer.dropped() < offered, "dropped " + writer.dropped());
            }
        });
    }
}
