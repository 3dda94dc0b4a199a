package org.rfcbridge.monitoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.CallSummary;

/** The recent calls: the last N, newest first. */
class RecentCallsTest {
    @Test
    void keepsTheLastCallsNewestFirst() {
        RecentCalls recent = new RecentCalls(3);
        assertEquals(List.of(), recent.newestFirst());
        for (int i = 1; i <= 5; i++) {
            recent.add(CallMetricsTest.call("F" + i, CallSummary.OK, 1000, 0));
        }
        assertEquals(List.of("F5", "F4", "F3"), recent.newestFirst().stream().map(CallSummary::function).toList());
    }
}
