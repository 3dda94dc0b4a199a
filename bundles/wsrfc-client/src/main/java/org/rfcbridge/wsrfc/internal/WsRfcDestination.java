package org.rfcbridge.wsrfc.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;

import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.rfcbridge.api.ArrivingRequest;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.DestinationStatus;
import org.rfcbridge.api.FunctionRepository;
import org.rfcbridge.api.LogonFailureException;
import org.rfcbridge.api.ProxyConfiguration;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.trace.WireTrace;
import org.rfcbridge.api.trace.TraceDirectory;
import org.rfcbridge.protocol.trace.TraceSwitch;
import org.rfcbridge.protocol.RfcProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket RFC destination: calls, SM59-style connection tests and DDIC look-ups over a pool of
 * logged-on sessions. A call that fails in a way that may leave its session out of step (timeout,
 * drop, malformed reply) closes that session; the next call opens a new one. ABAP errors the
 * system reports keep the session.
 */
final class WsRfcDestination implements RfcDestination, FunctionRepository, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WsRfcDestination.class);
    private static final FunctionMetadata RFC_PING = FunctionMetadata.builder("RFC_PING").build();

    private final WsRfcSettings settings;
    private final WebSocketClient client;
    private final ProtocolLimits limits;
    private final SessionPool pool;
    private final ParameterSerializer serializer;
    private final DdicRepository repository;
    /**
     * The threads that take replies too large to be answered where they arrive; one call per session at most, so
     * never more threads than sessions.
     */
    private final ExecutorService replies;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile String lastError = "";
    /** True while the last attempt to reach the system failed (connect, TLS, logon, timeout, drop). */
    private volatile boolean unreachable;

    /**
     * Sessions settings: how many, and how they are kept alive.
     *
     * @param size        sessions, each with one call in flight
     * @param pingPeriod  WebSocket ping on idle sessions, zero for none
     * @param pongTimeout how long a pinged session may stay silent
     */
    /** Trace files kept and their size, until {@link #tracedBy} gives the configuration's. */
    private static final int TRACE_FILES = 100;
    private static final long TRACE_BYTES = 16L << 20;
    private volatile TraceSwitch tracing;

    record PoolSettings(int size, Duration pingPeriod, Duration pongTimeout) {
        PoolSettings {
            if (size < 1) {
                throw new IllegalArgumentException("field pool.size " + size + " must be at least 1");
            }
        }
    }

    private WsRfcDestination(WsRfcSettings settings, PoolSettings poolSettings, WebSocketClient client,
                             ProtocolLimits limits) {
        this.settings = settings;
        this.tracing = new TraceSwitch(TraceDirectory.ofRuntime(), TraceDirectory.WSRFC, settings.name(), false,
                TRACE_FILES, TRACE_BYTES);
        this.client = client;
        this.limits = limits;
        this.pool = new SessionPool(settings.name(), poolSettings.size(), poolSettings.pingPeriod(),
                poolSettings.pongTimeout());
        this.serializer = ParameterSerializer.classic(limits, settings.tableCompression());
        this.replies = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "rfcbridge-reply-" + settings.name());
            t.setDaemon(true);
            return t;
        });
        this.repository = new DdicRepository(settings.name(), this::execute);
    }

    /**
     * Makes the destination; its WebSocket client starts with the first call and sessions are opened
     * by the calls. Starting Jetty's client loads classes that SPI Fly weaves; doing that while Karaf
     * is still provisioning the features (when Declarative Services activates this) can fail for
     * good with a NoClassDefFoundError of SPI Fly's Util (seen once in about a hundred boots of the assembly).
     *
     * @param tls   trusts the cloud's CA (and holds the client certificate for that logon type)
     * @param proxy the secure proxy, or {@code null} for a direct connection
     */
    static WsRfcDestination start(WsRfcSettings settings, PoolSettings pool, SSLContext tls, ProxyConfiguration proxy,
                                  ProtocolLimits limits) throws Exception {
        Duration idle = pool.pingPeriod().isZero() ? Duration.ZERO : pool.pingPeriod().plus(pool.pongTimeout())
                .multipliedBy(2);
        WebSocketClient client = JettyClients.create(settings.name(), tls, limits.maxMessageBytes(), proxy, idle);
        return new WsRfcDestination(settings, pool, client, limits);
    }

    @Override
    public String name() {
        return settings.name();
    }

    /** Calls and waits: the thread that receives the reply applies it, then lets this one go on. */
    @Override
    public void execute(Function function) throws RfcException {
        CompletableFuture<RfcException> outcome = new CompletableFuture<>();
        execute(function, outcome::complete);
        RfcException failure;
        try {
            failure = outcome.get();                  // the call timeout ends every call
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommunicationFailureException("Interrupted while waiting for destination " + settings.name());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Sends the call and returns: its reply is applied to {@code function} and {@code then} runs on the thread that
     * receives it when it is small, else on a thread of {@link #replies} (WsRfcConnection's answered reply). What
     * comes before the sending (a free session, the logon, the encoding) happens on the calling thread.
     */
    @Override
    public void execute(Function function, Answered then) {
        CallOnSession call;
        try {
            call = begin(function);
        } catch (RfcException e) {
            then.answered(e);
            return;
        }
        byte[] chain;
        try {
            chain = serializer.encodeRequest(function);
        } catch (RuntimeException e) {
            call.abandon();
            throw e;
        }
        call.connection.invoke(chain, function.name(), call.reply::feed, replies,
                failure -> then.answered(call.end(failure)));
    }

    @Override
    public boolean streamsRequests() {
        return true;
    }

    /**
     * Sends the call while its request arrives, in parts of {@link #REQUEST_PART_BYTES}; the calling thread, which
     * reads the request, also waits for the reply.
     */
    @Override
    public void execute(Function function, ArrivingRequest rest) throws RfcException {
        CallOnSession call = begin(function);
        RfcException failure = null;
        try {
            call.connection.invoke(parts -> serializer.writeRequest(function, rest, REQUEST_PART_BYTES, parts),
                    function.name(), call.reply::feed);
        } catch (RfcException e) {
            failure = e;
        } catch (RuntimeException e) {
            call.abandon();                          // what the request's reading threw: half a message is out
            throw e;
        }
        failure = call.end(failure);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Request bytes written before they are sent on while the call's tables still arrive from the caller: what one
     * call holds of its request, whatever the size of its tables (docs/performance.md).
     */
    static final int REQUEST_PART_BYTES = 1 << 20;

    /**
     * Takes a free session for a call (opening it and logging on if needed), counted; its trace begins.
     *
     * @throws RfcException if no session is free within the call timeout or none can be opened
     */
    private CallOnSession begin(Function function) throws RfcException {
        calls.incrementAndGet();
        SessionPool.Slot slot;
        try {
            slot = pool.acquire(settings.callTimeout());
        } catch (RfcException e) {
            throw counted(e);
        }
        WireTrace trace = tracing.startCall();
        try {
            WsRfcConnection connection = slot.connection(() -> WsRfcConnection.open(started(), settings, limits, trace));
            connection.traceInto(trace);
            return new CallOnSession(function, slot, connection, trace,
                    serializer.reply(function, "Destination " + settings.name()));
        } catch (RfcException e) {
            trace.close();
            pool.release(slot);
            throw counted(e);
        }
    }

    /** One call on a session: its slot, its trace and its reply, until {@link #end}. */
    private final class CallOnSession {
        private final Function function;
        private final SessionPool.Slot slot;
        private final WsRfcConnection connection;
        private final WireTrace trace;
        private final ParameterSerializer.Reply reply;

        CallOnSession(Function function, SessionPool.Slot slot, WsRfcConnection connection, WireTrace trace,
                      ParameterSerializer.Reply reply) {
            this.function = function;
            this.slot = slot;
            this.connection = connection;
            this.trace = trace;
            this.reply = reply;
        }

        /**
         * Ends the call once its reply has arrived or {@code failure} ended it: the reply's error, if it reports one,
         * is read; a session the failure may have left out of step (timeout, drop, malformed reply) is closed, the
         * next call opens a new one; the slot is free again before the caller hears the outcome.
         *
         * @return the call's outcome, counted: null if it went well
         */
        RfcException end(RfcException failure) {
            RfcException outcome = failure;
            try {
                if (failure != null) {
                    slot.discard();             // the connection closed the session: timeout, drop, malformed reply
                } else {
                    reply.end();
                }
            } catch (RfcException e) {
                outcome = e;                    // an error the system reports: the session stays
            } catch (RfcProtocolException e) {
                slot.discard();
                outcome = new SystemFailureException("Destination " + settings.name() + " answered "
                        + function.name() + " with a reply that cannot be read: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                slot.discard();
                outcome = WsRfcConnection.failedOnReply(settings.name(), function.name(), e);
            } finally {
                free();                         // whatever happened, the slot is free again
            }
            if (outcome == null) {
                unreachable = false;
                return null;
            }
            return counted(outcome);
        }

        /** Ends a call that failed inside the bridge: its session may be out of step, so it is closed. */
        void abandon() {
            slot.discard();
            free();
        }

        private void free() {
            connection.traceInto(WireTrace.OFF);
            trace.close();
            pool.release(slot);
        }
    }

    /** Counts a failed call: the destination's last error, and whether the system could not be reached. */
    private RfcException counted(RfcException e) {
        errors.incrementAndGet();
        lastError = e.kind() + ": " + e.getMessage();
        unreachable = e instanceof CommunicationFailureException || e instanceof LogonFailureException;
        return e;
    }

    /** Traces the calls this switch says (setting {@code trace}, console {@code rfc:trace}). */
    void tracedBy(TraceSwitch calls) {
        tracing = calls;
    }

    /** Traces the next calls (console {@code rfc:trace}). */
    void traceNext(int calls) {
        tracing.traceNext(calls);
    }

    /** The client, started on first use. */
    private synchronized WebSocketClient started() throws CommunicationFailureException {
        if (!client.isStarted()) {
            try {
                client.start();
            } catch (Exception | LinkageError e) {
                throw new CommunicationFailureException("Destination " + settings.name() + ": its WebSocket client "
                        + "cannot start: " + e, e);
            }
        }
        return client;
    }

    @Override
    public Duration ping() throws RfcException {
        long start = System.nanoTime();
        execute(RFC_PING.newFunction());
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public FunctionRepository repository() {
        return this;
    }

    @Override
    public Optional<FunctionMetadata> getFunctionMetadata(String functionName) throws RfcException {
        return repository.function(functionName);
    }

    @Override
    public void invalidate(String functionName) {
        repository.invalidate(functionName);
    }

    @Override
    public void invalidateAll() {
        repository.invalidateAll();
    }

    /** Sessions open now. */
    int openSessions() {
        return pool.openSessions();
    }

    @Override
    public DestinationStatus status() {
        ConnectionState state = unreachable ? ConnectionState.DEAD : pool.busy() == pool.size() ? ConnectionState.BUSY
                : ConnectionState.ALIVE;
        return new DestinationStatus(settings.name(), "WebSocket", settings.url(), state, pool.openSessions(),
                pool.size(), calls.get(), errors.get(), lastError, pool.busy(), pool.peakBusy());
    }

    @Override
    public void close() {
        pool.close();
        replies.shutdown();
        try {
            client.stop();
        } catch (Exception e) {
            LOG.warn("Destination {}: stopping its WebSocket client failed: {}", settings.name(), e.toString());
        }
    }

    @Override
    public String toString() {
        return "WebSocket RFC destination " + settings;
    }
}
