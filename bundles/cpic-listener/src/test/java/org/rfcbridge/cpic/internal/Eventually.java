package org.rfcbridge.cpic.internal;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waiting for what other threads do (registrations, states, counters), bounded. */
final class Eventually {
    private Eventually() {
    }

    static void eventually(Duration wait, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + wait.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }
}
