package org.rfcbridge.wsrfc.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.RfcException;

/**
 * A destination's WebSocket sessions: a fixed number of slots, each with at most one logged-on
 * session and one call in flight. A slot's session is opened on first use and opened again on the
 * next call after it dropped, timed out or went silent; idle sessions are pinged every ping period
 * and closed when neither a pong nor anything else arrives within the pong timeout. Every
 * {@link #LATE_REPLY_CHECK} the calls whose reply no thread waits for are asked whether it is late.
 */
final class SessionPool implements AutoCloseable {
    /** Opens a logged-on session. */
    @FunctionalInterface
    interface Opener {
        WsRfcConnection open() throws RfcException;
    }

    /** One place for a session. */
    static final class Slot {
        private volatile WsRfcConnection connection;

        /** The slot's session, opened (again) if there is none or it has ended. */
        WsRfcConnection connection(Opener opener) throws RfcException {
            WsRfcConnection current = connection;
            if (current == null || !current.isOpen()) {
                if (current != null) {
                    current.close();
                }
                connection = null;
                current = opener.open();
                connection = current;
            }
            return current;
        }

        /** Closes the session after a failure that may have left it out of step; the next call opens a new one. */
        void discard() {
            WsRfcConnection current = connection;
            connection = null;
            if (current != null) {
                current.close();
            }
        }
    }

    private final String destination;
    private final List<Slot> slots = new ArrayList<>();
    /** Free slots, the most recently used first, so that a light load keeps few sessions open and warm. */
    private final BlockingDeque<Slot> idle;
    private final Duration pongTimeout;
    /** Pings idle sessions and ends calls whose reply is late. */
    private final ScheduledExecutorService housekeeping;
    /**
     * How often calls whose reply no thread waits for are checked against the call timeout: such a call ends between
     * the timeout and this much later.
     */
    static final Duration LATE_REPLY_CHECK = Duration.ofMillis(100);

    /**
     * @param pingPeriod how often idle sessions are pinged; zero for never
     */
    private final AtomicInteger peakBusy = new AtomicInteger();

    SessionPool(String destination, int size, Duration pingPeriod, Duration pongTimeout) {
        this.destination = destination;
        this.idle = new LinkedBlockingDeque<>(size);
        this.pongTimeout = pongTimeout;
        for (int i = 0; i < size; i++) {
            Slot slot = new Slot();
            slots.add(slot);
            idle.add(slot);
        }
        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rfcbridge-keepalive-" + destination);
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(this::expireLateReplies, LATE_REPLY_CHECK.toMillis(),
                LATE_REPLY_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        if (!pingPeriod.isZero()) {
            housekeeping.scheduleWithFixedDelay(this::pingIdle, pingPeriod.toMillis(), pingPeriod.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Takes a free slot, waiting at most {@code wait}.
     *
     * @throws CommunicationFailureException if every session stays busy that long
     */
    Slot acquire(Duration wait) throws CommunicationFailureException {
        try {
            Slot slot = idle.pollFirst(wait.toNanos(), TimeUnit.NANOSECONDS);
            if (slot == null) {
                throw new CommunicationFailureException("Timeout: all " + slots.size() + " sessions of destination "
                        + destination + " stayed busy for " + wait.toMillis() + " ms; raise pool.size or call.timeout");
            }
            peakBusy.accumulateAndGet(busy(), Math::max);
            return slot;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommunicationFailureException("Interrupted while waiting for a session of destination "
                    + destination);
        }
    }

    /** Gives a slot back. */
    void release(Slot slot) {
        idle.addFirst(slot);
    }

    /** How many sessions are open now. */
    int openSessions() {
        int open = 0;
        for (Slot slot : slots) {
            WsRfcConnection c = slot.connection;
            if (c != null && c.isOpen()) {
                open++;
            }
        }
        return open;
    }

    /** How many slots are serving a call now. */
    int busy() {
        return slots.size() - idle.size();
    }

    /** The most slots that served calls at once. */
    int peakBusy() {
        return peakBusy.get();
    }

    /** How many sessions there may be. */
    int size() {
        return slots.size();
    }

    private void pingIdle() {
        List<Slot> taken = new ArrayList<>();
        idle.drainTo(taken);
        try {
            for (Slot slot : taken) {
                WsRfcConnection c = slot.connection;
                if (c != null && c.isOpen()) {
                    c.ping();
                }
            }
        } finally {
            idle.addAll(taken);
        }
        // a little later than the timeout, so that a session pinged at the end of the loop is judged fairly
        housekeeping.schedule(this::closeSilent, pongTimeout.toMillis() + 50, TimeUnit.MILLISECONDS);
    }

    private void expireLateReplies() {
        for (Slot slot : slots) {
            WsRfcConnection c = slot.connection;
            if (c != null) {
                c.expireLateReply();
            }
        }
    }

    /** Closes sessions that answered neither the ping nor anything else; a call on one then fails as it would anyway. */
    private void closeSilent() {
        for (Slot slot : slots) {
            WsRfcConnection c = slot.connection;
            if (c != null && c.silentSincePing(pongTimeout)) {
                c.close();
            }
        }
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        slots.forEach(Slot::discard);
    }
}
