package org.rfcbridge.cpic.internal;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runtime's default handler for uncaught errors is installed only where none is, and removed with its bundle. */
class UncaughtErrorsTest {
    private final Thread.UncaughtExceptionHandler original = Thread.getDefaultUncaughtExceptionHandler();

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(original);
    }

    @Test
    void aThreadThatDiesOfAnErrorReachesTheLogHandler() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler(null);
        UncaughtErrors errors = new UncaughtErrors();
        errors.activate();
        assertSame(errors, Thread.getDefaultUncaughtExceptionHandler());
        Thread dying = new Thread(() -> {
            throw new OutOfMemoryError("simulated: Java heap space");
        }, "rfcbridge-test-dying");
        dying.start();
        dying.join();                                            // logged, not printed on a stderr nobody reads
        errors.deactivate();
        assertNull(Thread.getDefaultUncaughtExceptionHandler());
    }

    @Test
    void aHandlerOfTheSiteIsLeftAlone() {
        Thread.UncaughtExceptionHandler site = (thread, error) -> { };
        Thread.setDefaultUncaughtExceptionHandler(site);
        UncaughtErrors errors = new UncaughtErrors();
        errors.activate();
        assertSame(site, Thread.getDefaultUncaughtExceptionHandler());
        errors.deactivate();
        assertSame(site, Thread.getDefaultUncaughtExceptionHandler());
    }
}
