package org.rfcbridge.cpic.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.ConnectionStatus;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.trace.TraceSwitch;
import org.rfcbridge.protocol.trace.WireTrace;
import org.rfcbridge.protocol.RfcProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered connections of one listener, each on its own thread: register, serve calls, and
 * when the gateway goes away, refuses the registration or sends a malformed frame, close that one
 * connection and register again after an exponential back-off (1 s doubling to the configured
 * maximum, with jitter). Nothing here blocks the caller of {@link #start()}.
 */
final class ListenerRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerRuntime.class);
    static final long FIRST_RETRY_MILLIS = 1000;

    /**
     * How the connections run.
     *
     * @param connectTimeout  TCP connect timeout
     * @param retryMax        longest back-off
     * @param stopTimeout     how long {@link #stop()} waits for calls in flight
     * @param limits          decoding limits (largest frame)
     * @param writeTimeout    how long a write may wait for a gateway that takes no data before the connection
     *                        is closed (the gateway then ends the caller's conversation)
     * @param readTimeout     how long the gateway may take to answer the registration, and to finish a record or
     *                        a request it has begun, before the connection is closed and registers again
     * @param memory          the heap that large requests may hold, shared with the bridge's other listeners
     */
    record Settings(Duration connectTimeout, Duration retryMax, Duration stopTimeout, ProtocolLimits limits,
                    Duration writeTimeout, Duration readTimeout, RequestMemory memory) {
        /** The configuration's default for {@code writeTimeout}. */
        static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(60);
        /** The configuration's default for {@code readTimeout}. */
        static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

        Settings(Duration connectTimeout, Duration retryMax, Duration stopTimeout, ProtocolLimits limits) {
            this(connectTimeout, retryMax, stopTimeout, limits, DEFAULT_WRITE_TIMEOUT);
        }

        Settings(Duration connectTimeout, Duration retryMax, Duration stopTimeout, ProtocolLimits limits,
                 Duration writeTimeout) {
            this(connectTimeout, retryMax, stopTimeout, limits, writeTimeout, DEFAULT_READ_TIMEOUT);
        }

        /** Large requests within the bridge's memory. */
        Settings(Duration connectTimeout, Duration retryMax, Duration stopTimeout, ProtocolLimits limits,
                 Duration writeTimeout, Duration readTimeout) {
            this(connectTimeout, retryMax, stopTimeout, limits, writeTimeout, readTimeout, RequestMemory.BRIDGE);
        }
    }

    private final String listener;
    private final String programId;
    private final Supplier<GatewayAddress> gateway;
    private final CallHandler handler;
    private final ListenerCounters counters;
    private final Settings settings;
    private final List<ConnectionSlot> slots = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;
    /** Which calls are traced; none until {@link #tracedBy} is called. */
    private volatile TraceSwitch tracing;

    /**
     * @param gateway where to register; throws {@link IllegalStateException} with the reason when there is no usable gateway
     */
    ListenerRuntime(String listener, String programId, int connections, Supplier<GatewayAddress> gateway,
                    CallHandler handler, ListenerCounters counters, Settings settings) {
        this.listener = listener;
        this.programId = programId;
        this.gateway = gateway;
        this.handler = handler;
        this.counters = counters;
        this.settings = settings;
        for (int i = 0; i < connections; i++) {
            slots.add(new ConnectionSlot(i));
        }
    }

    /** What the threads of the listener named {@code listener} are called: then "-" and the connection's index. */
    static String threadsName(String listener) {
        return "rfcbridge-listener-" + listener;
    }

    /** Starts one thread per connection, and the write watchdog, and returns at once. */
    synchronized void start() {
        stopping = false;
        for (ConnectionSlot slot : slots) {
            Thread thread = new Thread(() -> run(slot), threadsName(listener) + "-" + slot.index);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        Thread watchdog = new Thread(this::watchWrites, threadsName(listener) + "-watchdog");
        watchdog.setDaemon(true);
        threads.add(watchdog);
        watchdog.start();
    }

    /**
     * Closes a connection whose write has waited longer than the write timeout: a gateway that takes no
     * data would otherwise hold that connection (and the reply it sends) for ever.
     */
    private void watchWrites() {
        long period = Math.max(50, Math.min(1000, settings.writeTimeout().toMillis() / 4));
        while (!stopping) {
            for (ConnectionSlot slot : slots) {
                RegisteredConnection connection = slot.connection;
                if (connection != null && connection.writeBlockedLongerThan(settings.writeTimeout())) {
                    String reason = "the gateway has taken no data for more than " + settings.writeTimeout().toSeconds()
                            + " s (write.timeout); connection closed, the gateway ends the caller's conversation";
                    LOG.warn("Listener {}: connection {}: {}", listener, slot.index, reason);
                    connection.closeBecause(reason);
                } else if (connection != null && connection.unfinishedLongerThan(settings.readTimeout())) {
                    String reason = "the gateway began a record or request and has not finished it for more than "
                            + settings.readTimeout().toSeconds() + " s (read.timeout); connection closed";
                    LOG.warn("Listener {}: connection {}: {}", listener, slot.index, reason);
                    connection.closeBecause(reason);
                }
            }
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;                                     // stop() interrupts
            }
        }
    }

    /** The listener's connection events logged per minute at most. */
    private final LogRateLimit connectionEvents = new LogRateLimit(60, java.time.Duration.ofMinutes(1));

    private void run(ConnectionSlot slot) {
        int attempt = 0;
        while (!stopping) {
            slot.set(ConnectionState.STARTING);
            GatewayAddress address;
            try {
                address = gateway.get();
            } catch (IllegalStateException e) {
                slot.fail(e.getMessage(), counters);
                attempt = pause(attempt);
                continue;
            }
            RegisteredConnection connection = new RegisteredConnection(address.host(), address.port(), programId,
                    localHost(), settings.connectTimeout(), settings.readTimeout(), settings.limits(), observer(slot),
                    settings.memory());
            slot.connection = connection;
            try {
                connection.register();
                slot.set(ConnectionState.ALIVE);
                attempt = 0;
                logEvent(slot, "registered Program ID " + programId + " at gateway " + address, false);
                connection.serve(handler);
            } catch (RegistrationRefusedException e) {
                slot.fail(e.getMessage(), counters);
                logEvent(slot, e.getMessage(), true);
            } catch (RfcProtocolException e) {
                slot.fail("closed after a malformed frame from gateway " + address + ": " + e.getMessage(), counters);
                logEvent(slot, "closed after a malformed frame from gateway " + address + ": " + e.getMessage(), true);
                attempt = 0;
            } catch (IOException e) {
                if (!stopping) {
                    slot.fail("gateway " + address + " is not reachable or closed the connection: " + e.getMessage(),
                            counters);
                    logEvent(slot, "to gateway " + address + ": " + e, true);
                }
            } catch (RuntimeException | Error e) {
                // a bug or an exhausted heap must not end this connection's thread unseen: log it, register again
                slot.fail("failed inside the bridge: " + e, counters);
                LOG.error("Listener {}: connection {} failed inside the bridge and registers again", listener,
                        slot.index, e);
            } finally {
                connection.close();
                slot.connection = null;
            }
            if (!stopping) {
                attempt = pause(attempt);
            }
        }
        slot.set(ConnectionState.STOPPED);
    }

    /**
     * One line per connection and change of what happens to it: a gateway that drops every connection at
     * once repeats the same events, which are logged once until something else happens, and no more than
     * {@link #connectionEvents} allows for the whole listener.
     */
    private void logEvent(ConnectionSlot slot, String event, boolean problem) {
        String kind = event.replaceAll("\\d+", "#");                // the same event with another port or number
        if (kind.equals(slot.lastLoggedEvent)) {
            return;
        }
        slot.lastLoggedEvent = kind;
        long leftOut = connectionEvents.permit();
        if (leftOut < 0) {
            return;
        }
        if (problem) {
            LOG.warn("Listener {}: connection {} {}{}", listener, slot.index, event, LogRateLimit.leftOut(leftOut));
        } else {
            LOG.info("Listener {}: connection {} {}{}", listener, slot.index, event, LogRateLimit.leftOut(leftOut));
        }
    }

    /** Traces the calls this switch says (setting {@code trace}, console {@code rfc:trace}). */
    void tracedBy(TraceSwitch calls) {
        tracing = calls;
    }

    private RegisteredConnection.Observer observer(ConnectionSlot slot) {
        return new RegisteredConnection.Observer() {
            /**
             * Calls in flight on this connection: the reply of one may still be on its way out on the thread that
             * received it when the gateway sends the next, so the connection is ALIVE again only when none is.
             */
            private final AtomicInteger inFlight = new AtomicInteger();

            @Override
            public WireTrace traceCall() {
                TraceSwitch calls = tracing;
                return calls == null ? WireTrace.OFF : calls.startCall();
            }

            @Override
            public void callStarted() {
                inFlight.incrementAndGet();
                slot.set(ConnectionState.BUSY);
                counters.callStarted();
            }

            @Override
            public void callFinished(long bytesIn, long bytesOut) {
                counters.callFinished(bytesIn, bytesOut);
                if (stopping) {
                    slot.connection.close();          // finish the call in flight, then leave
                } else if (inFlight.decrementAndGet() == 0) {
                    slot.set(ConnectionState.ALIVE);
                }
            }
        };
    }

    /** Sleeps the back-off for this attempt (interrupted by {@link #stop()}); returns the next attempt number. */
    private int pause(int attempt) {
        long max = settings.retryMax().toMillis();
        long base = Math.min(max, FIRST_RETRY_MILLIS << Math.min(attempt, 20));
        long jittered = (long) (base * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        try {
            Thread.sleep(Math.max(1, Math.min(max, jittered)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return attempt + 1;
    }

    /**
     * Unregisters: idle connections close at once, busy ones after their call (up to the stop
     * timeout), then every thread ends.
     */
    synchronized void stop() {
        stopping = true;
        for (ConnectionSlot slot : slots) {
            if (slot.state() != ConnectionState.BUSY && slot.connection != null) {
                slot.connection.close();
            }
        }
        long deadline = System.nanoTime() + settings.stopTimeout().toNanos();
        for (ConnectionSlot slot : slots) {
            while (slot.state() == ConnectionState.BUSY && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            RegisteredConnection connection = slot.connection;
            if (connection != null) {
                connection.close();
            }
        }
        for (Thread thread : threads) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        for (ConnectionSlot slot : slots) {
            slot.set(ConnectionState.STOPPED);
        }
    }

    List<ConnectionStatus> connections() {
        List<ConnectionStatus> list = new ArrayList<>();
        for (ConnectionSlot slot : slots) {
            list.add(slot.status());
        }
        return list;
    }

    /** ALIVE if any connection is registered; otherwise BUSY, STARTING, DEAD or STOPPED in that order. */
    ConnectionState state() {
        ConnectionState best = ConnectionState.STOPPED;
        for (ConnectionSlot slot : slots) {
            best = rank(slot.state()) > rank(best) ? slot.state() : best;
        }
        return best;
    }

    private static int rank(ConnectionState state) {
        switch (state) {
            case ALIVE: return 4;
            case BUSY: return 3;
            case STARTING: return 2;
            case DEAD: return 1;
            default: return 0;
        }
    }

    /** The error of a DEAD connection if there is one, else the most recent error of a call or connection. */
    String lastError() {
        for (ConnectionSlot slot : slots) {
            if (slot.state() == ConnectionState.DEAD && !slot.lastError().isEmpty()) {
                return slot.lastError();
            }
        }
        return counters.lastError();
    }

    private static String localHost() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "rfcbridge";
        }
    }
}
