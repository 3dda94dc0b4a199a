package org.rfcbridge.wsrfc.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;


import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.RfcDestination.Answered;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.trace.WireTrace;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.wsrfc.WsRfcLogon;
import org.rfcbridge.protocol.wsrfc.WsRfcLogonReply;
import org.rfcbridge.protocol.wsrfc.ReplyLimitException;
import org.rfcbridge.protocol.wsrfc.WsRfcMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logged-on WebSocket RFC session with one call in flight at a time: the upgrade (subprotocol
 * and the {@code sap-*} headers of {@code protocol-wsrfc-2026.md} §1.3), the LOGON with the embedded
 * RFCPING, then invokes whose replies are joined across messages. Every wait is bounded, and every
 * failure is an {@link RfcException} whose text names the destination and what to check. A call's reply
 * is taken where it arrives ({@link AnsweredReply}), the caller having gone on, except the reply to a
 * request written in parts, which the writer waits for.
 */
final class WsRfcConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WsRfcConnection.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Object CLOSED = new Object();
    /**
     * Bytes of received messages that may wait for the caller before the session stops reading: about
     * 36 of the 28,000-byte messages SAP's gateway cuts replies into, enough to keep a loopback link busy
     * while the caller works through one (docs/performance.md, "Large table").
     */
    static final int RECEIVE_WINDOW = 1 << 20;

    private final WsRfcSettings settings;
    private final ProtocolLimits limits;
    private final Inbox inbox;
    private final Session session;
    private WsRfcLogonReply system;
    private volatile long pingSentNanos;

    /**
     * Receives the session's messages and its end. It asks Jetty for the next frame only while less than
     * {@link #RECEIVE_WINDOW} bytes wait to be taken, so a caller slower than the cloud (a gateway
     * taking a large table slowly) holds the cloud back through TCP instead of filling the heap.
     * Public: Jetty calls listeners through method handles.
     */
    public static final class Inbox implements Session.Listener {
        final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
        /** The call whose reply is taken where it arrives ({@link #invoke(byte[], String, ReplyPieces, Executor, Answered)}). */
        final AtomicReference<AnsweredReply> answered = new AtomicReference<>();
        volatile String closeReason = "";
        /** Set when the session ends, before whoever waits learns it: a call sent after that is ended at once. */
        volatile boolean ended;
        volatile long lastHeardNanos = System.nanoTime();
        /** The messages received for the call's trace, if it is traced. */
        final TracedMessages traced = new TracedMessages();
        private volatile Session session;
        private long waitingBytes;
        private long peakWaitingBytes;
        private boolean paused;

        @Override
        public void onWebSocketOpen(Session opened) {
            session = opened;
            opened.demand();
        }

        /**
         * One frame of a binary message, passed on as it arrives: Jetty does not gather the message, so
         * however the cloud cuts or fragments a reply, what the bridge holds is bounded by the window and
         * by {@link WsRfcMessages}' bound on an unfinished item, not by the message size.
         */
        @Override
        public void onWebSocketPartialBinary(ByteBuffer payload, boolean last, Callback callback) {
            lastHeardNanos = System.nanoTime();
            byte[] message = BufferUtil.toArray(payload);
            callback.succeed();
            traced.frame(message, last);
            AnsweredReply reply = answered.getAndSet(null);
            if (reply != null && last && message.length <= ANSWERED_WHERE_IT_ARRIVES_BYTES) {
                session.demand();
                reply.whole(message);
                return;
            }
            queue(message);
            if (reply != null) {
                reply.awaitRest();
            }
        }

        /** Keeps a frame for the thread that waits for the reply; reading goes on while the window has room. */
        private void queue(byte[] message) {
            boolean more;
            synchronized (this) {
                waitingBytes += message.length;
                peakWaitingBytes = Math.max(peakWaitingBytes, waitingBytes);
                more = waitingBytes < RECEIVE_WINDOW;
                paused = !more;
            }
            messages.add(message);
            if (more) {
                session.demand();
            }
        }

        /** The caller took a message: ask for more if reading had paused and the window has room again. */
        void taken(byte[] message) {
            boolean resume;
            synchronized (this) {
                waitingBytes -= message.length;
                resume = paused && waitingBytes < RECEIVE_WINDOW;
                if (resume) {
                    paused = false;
                }
            }
            if (resume) {
                session.demand();
            }
        }

        /** The most bytes that waited to be taken at once, for tests of the window. */
        synchronized long peakWaitingBytes() {
            return peakWaitingBytes;
        }

        @Override
        public void onWebSocketPing(ByteBuffer payload) {
            lastHeardNanos = System.nanoTime();
            session.sendPong(payload, Callback.NOOP);
            session.demand();
        }

        @Override
        public void onWebSocketPong(ByteBuffer payload) {
            lastHeardNanos = System.nanoTime();
            session.demand();
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            closeReason = "closed by the server (" + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason)
                    + ")";
            ended();
            callback.succeed();
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            closeReason = "broken: " + cause;
            ended();
        }

        /** The session ended: whoever waits for a reply learns it. */
        private void ended() {
            ended = true;
            messages.add(CLOSED);
            AnsweredReply reply = answered.getAndSet(null);
            if (reply != null) {
                reply.sessionEnded();
            }
        }
    }

    /**
     * The largest reply taken by the thread that receives it, when it comes whole in one frame and holds no table
     * rows: its CPI-C reply, about as small, then goes into the gateway connection's send buffer, empty between
     * calls, without waiting for the gateway. That Linux's send buffer and the gateway's receive window take 16 KiB
     * and more without the gateway reading is an assumption [unverified for SAP's gateway] (docs/performance.md,
     * "The reply answered where it arrives"). Other replies are taken by a thread of the destination that may wait,
     * within the receive window.
     */
    static final int ANSWERED_WHERE_IT_ARRIVES_BYTES = 16 << 10;

    /** A failure inside the bridge while it applied a reply: SYSTEM_FAILURE naming the reply and the cause. */
    static SystemFailureException failedOnReply(String destination, String function, Throwable e) {
        return new SystemFailureException("RFC Bridge failed on the reply of " + function + " from destination "
                + destination + ": " + e, e);
    }

    /** Applies (some of) a reply: true if it is then complete, false if it was handed on. */
    @FunctionalInterface
    private interface Applying {
        boolean apply() throws RfcException;
    }

    /**
     * A call whose caller does not wait for the reply: the reply is applied and answered on the thread that receives
     * it, or, if it is large, by a thread of {@code waiters}. Exactly one of the session's end, the timeout and the
     * reply takes it ({@link Inbox#answered}).
     */
    final class AnsweredReply {
        private final String function;
        private final ReplyPieces pieces;
        private final Executor waiters;
        private final Answered then;
        private final long deadline;
        /** Set when {@link #then} has been told; the threads that may tell it take the call one after the other. */
        private boolean answeredOnce;

        AnsweredReply(String function, ReplyPieces pieces, Executor waiters, Answered then) {
            this.function = function;
            this.pieces = pieces;
            this.waiters = waiters;
            this.then = then;
            this.deadline = System.nanoTime() + settings.callTimeout().toNanos();
        }

        /**
         * A small message in one frame: if it is the whole reply and holds no table rows, it is applied and the call
         * answered here; its CPI-C reply is then about as small. A reply that goes on in further messages, or holds
         * rows (which can unpack to many times their size, past what the gateway connection takes without waiting),
         * is left to {@link #awaitRest}.
         */
        void whole(byte[] message) {
            WsRfcMessages reply = newReply();
            applied(() -> {
                if (!added(reply, message, function) || reply.holdsTableRows()) {
                    awaitRest(reply);
                    return false;
                }
                applyItems(reply, function, pieces);
                return true;
            });
        }

        /** The reply, none of it applied yet, is taken from the queue by a thread that may wait. */
        void awaitRest() {
            awaitRest(newReply());
        }

        /**
         * The rest of the reply is taken from the queue by a thread that may wait: it is large, or in parts.
         *
         * @param begun the reply as far as it was applied here
         */
        private void awaitRest(WsRfcMessages begun) {
            try {
                waiters.execute(() -> applied(() -> {
                    await(begun, function, pieces, deadline);
                    return true;
                }));
            } catch (RejectedExecutionException e) {
                close();
                answer(new CommunicationFailureException("Destination " + settings.name() + " was closed during "
                        + function));
            }
        }

        /** Applies the reply, and answers with the outcome unless the reply was handed on to be answered there. */
        private void applied(Applying applying) {
            RfcException failure = null;
            try {
                if (!applying.apply()) {
                    return;
                }
            } catch (RfcException e) {
                failure = e;
            } catch (RuntimeException e) {
                failure = failedInside(e);
            } catch (Error e) {
                answer(failedInside(e));            // the call ends and frees its session's slot; the error goes on
                throw e;
            }
            answer(failure);
        }

        /**
         * Hands the outcome on. What the receiver throws is a fault of the bridge's: it must not reach Jetty's
         * thread, which would take the session down with it, so it is logged.
         */
        private void answer(RfcException failure) {
            if (answeredOnce) {
                return;                                 // an Error thrown by the receiver itself: it was told already
            }
            answeredOnce = true;
            try {
                then.answered(failure);
            } catch (RuntimeException e) {
                LOG.error("Destination {}: the outcome of {} could not be handed on", settings.name(), function, e);
            }
        }

        /** What applying the reply threw besides an RFC error: the session closes, the rest of the reply is lost. */
        private SystemFailureException failedInside(Throwable e) {
            close();
            return failedOnReply(settings.name(), function, e);
        }

        void sessionEnded() {
            answer(new CommunicationFailureException("The WebSocket to destination " + settings.name() + " was "
                    + inbox.closeReason + " during " + function));
        }

        void timedOut() {
            close();
            answer(timeout(function));
        }
    }

    /** Receives the pieces of a reply as its items complete (whole items each, the end item in the last). */
    @FunctionalInterface
    interface ReplyPieces {
        void feed(byte[] items) throws RfcProtocolException;
    }

    private WsRfcConnection(WsRfcSettings settings, ProtocolLimits limits, Inbox inbox, Session session) {
        this.settings = settings;
        this.limits = limits;
        this.inbox = inbox;
        this.session = session;
    }

    /**
     * Connects and logs on.
     *
     * @throws CommunicationFailureException naming refused connections, TLS problems, HTTP statuses and timeouts
     * @throws org.rfcbridge.api.LogonFailureException with the server's text for a wrong user, password or client
     */
    static WsRfcConnection open(WebSocketClient client, WsRfcSettings settings, ProtocolLimits limits) throws RfcException {
        return open(client, settings, limits, WireTrace.OFF);
    }

    /** Connects and logs on; the LOGON and its reply go to the trace of the call that needed the session. */
    static WsRfcConnection open(WebSocketClient client, WsRfcSettings settings, ProtocolLimits limits, WireTrace trace)
            throws RfcException {
        ClientUpgradeRequest request = new ClientUpgradeRequest();
        request.setSubProtocols(settings.subprotocol());
        settings.upgradeHeaders().forEach(request::setHeader);
        Inbox inbox = new Inbox();
        inbox.traced.traceInto(trace);
        Session session;
        CompletableFuture<Session> connecting = null;
        try {
            connecting = client.connect(inbox, URI.create(settings.url()), request);
            session = connecting.get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            connecting.cancel(true);
            Thread.currentThread().interrupt();
            throw new CommunicationFailureException("Interrupted while connecting to destination " + settings.name());
        } catch (ExecutionException | TimeoutException | java.io.IOException e) {
            if (connecting != null) {
                connecting.cancel(true);
            }
            throw ConnectFailures.of(settings, client, e);
        }
        WsRfcConnection connection = new WsRfcConnection(settings, limits, inbox, session);
        try {
            WsRfcLogon logon = new WsRfcLogon(settings.client(), settings.user(), settings.password(), settings.language(),
                    "127.0.0.1", "rfcbridge", settings.name(), "RFCBRIDGE", null, "RFCPING");
            connection.send(logon.encode(RANDOM.nextInt()));
            byte[] reply = connection.await("the LOGON");
            connection.system = WsRfcLogonReply.decode(reply, limits, "Destination " + settings.name());
            return connection;
        } catch (RfcProtocolException e) {
            connection.close();
            throw new SystemFailureException("Destination " + settings.name() + " answered the LOGON with a malformed "
                    + "reply: " + e.getMessage(), e);
        } catch (RfcException e) {
            connection.close();
            throw e;
        }
    }

    /** The system the session is logged on to. */
    WsRfcLogonReply system() {
        return system;
    }

    /**
     * Sends one invoke and returns: the reply is handed to {@code pieces} and {@code then} runs on the thread that
     * receives it (Jetty's selecting thread, which must not wait) when it comes whole in one message of at most
     * {@link #ANSWERED_WHERE_IT_ARRIVES_BYTES}, else on a thread of {@code waiters}, within the receive window. A
     * session that ends, or a reply later than the call timeout ({@link #expireLateReply}), ends the call with
     * COMMUNICATION_FAILURE; a malformed reply with SYSTEM_FAILURE, the session closed.
     */
    void invoke(byte[] chain, String function, ReplyPieces pieces, Executor waiters, Answered then) {
        inbox.answered.set(new AnsweredReply(function, pieces, waiters, then));
        send(chain);
        if (inbox.ended) {                               // it ended before the call was there to be ended
            AnsweredReply missed = inbox.answered.getAndSet(null);
            if (missed != null) {
                missed.sessionEnded();
            }
        }
    }

    /** Ends the call in flight if its reply is later than the call timeout (the pool asks every session in turn). */
    void expireLateReply() {
        AnsweredReply waiting = inbox.answered.get();
        if (waiting != null && System.nanoTime() - waiting.deadline > 0 && inbox.answered.compareAndSet(waiting, null)) {
            waiting.timedOut();
        }
    }

    /** Writes a request in parts, the last one marked, each handed to {@code parts} before the next is made. */
    @FunctionalInterface
    interface RequestWriter {
        void write(MessageParts parts) throws IOException;
    }

    /** Where the parts of a request go: the fragments of one WebSocket message. */
    @FunctionalInterface
    interface MessageParts {
        void send(byte[] b, int offset, int length, boolean last) throws IOException;
    }

    /** A part of a request the cloud did not take: the COMMUNICATION_FAILURE the call ends with. */
    private static final class PartNotTaken extends IOException {
        private static final long serialVersionUID = 1L;
        final transient CommunicationFailureException failure;

        PartNotTaken(CommunicationFailureException failure) {
            super(failure.getMessage(), failure);
            this.failure = failure;
        }
    }

    /**
     * Sends one invoke while it is written (a request passed on while it still arrives from the caller), then
     * hands its reply to {@code pieces} as its items arrive, waiting for it. The request goes as
     * the fragments of one WebSocket message ({@link #REQUEST_FRAMING}), each sent before the next is written, so
     * a cloud that takes it slowly holds the writer, and through it the caller, back.
     *
     * @throws CommunicationFailureException if the cloud does not take a part within the call timeout or the
     *                                       session breaks (the session is closed)
     * @throws UncheckedIOException          what the writer threw reading the request (the session is closed: half
     *                                       a message is out)
     */
    void invoke(RequestWriter request, String function, ReplyPieces pieces) throws RfcException {
        try {
            request.write(this::sendPart);
        } catch (PartNotTaken e) {
            close();
            throw e.failure;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            close();
            if (e.getCause() instanceof PartNotTaken notTaken) {
                throw notTaken.failure;
            }
            throw e;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        try {
            await(function, pieces);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * How a request written in parts travels [unverified]: as the fragments of one WebSocket message (RFC 6455
     * §5.4, which every WebSocket server joins), so the cloud's RFC layer sees one request whatever its size, as
     * it does from SAP's SDK. Whether an SAP cloud system limits the size of one message is not known publicly
     * (docs/protocol.md); the other choice would be several messages whose item chains concatenate, as replies do.
     */
    static final String REQUEST_FRAMING = "fragments of one message";

    /**
     * Sends one part of a request. The part is copied and sent while the caller writes the next one; before a part
     * is sent, the one before it must have been taken (within the call timeout), so at most two parts are in flight
     * and a cloud that takes the request slowly holds the writer back. The last part is waited for.
     */
    private void sendPart(byte[] b, int offset, int length, boolean last) throws IOException {
        byte[] part = java.util.Arrays.copyOfRange(b, offset, offset + length);
        inbox.traced.trace().record(part);
        awaitPartTaken();
        partInFlight = new Callback.Completable();
        session.sendPartialBinary(ByteBuffer.wrap(part), last, partInFlight);
        if (last) {
            awaitPartTaken();
        }
    }

    /** The part sent before, if any, taken by the cloud: pipelining one part, not more. */
    private Callback.Completable partInFlight;

    private void awaitPartTaken() throws IOException {
        Callback.Completable sent = partInFlight;
        partInFlight = null;
        if (sent == null) {
            return;
        }
        try {
            sent.get(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new PartNotTaken(new CommunicationFailureException("Timeout: destination " + settings.name()
                    + " took no part of the request within " + settings.callTimeout().toMillis() + " ms"));
        } catch (ExecutionException e) {
            throw new PartNotTaken(new CommunicationFailureException("The WebSocket to destination " + settings.name()
                    + " broke while the request was sent: " + e.getCause(), e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartNotTaken(new CommunicationFailureException("Interrupted while sending to destination "
                    + settings.name()));
        }
    }

    /** Sends one invoke and returns its whole reply (small replies: the LOGON, the bare round trip of the benchmarks). */
    byte[] invoke(byte[] chain, String function) throws RfcException {
        send(chain);
        return await(function);
    }

    /** Sends one message, and keeps it in the call's trace if it is traced. */
    private void send(byte[] message) {
        inbox.traced.trace().record(message);
        session.sendBinary(ByteBuffer.wrap(message), Callback.NOOP);
    }

    /** The messages of the call that begins now go to this trace ({@link WireTrace#OFF} after it). */
    void traceInto(WireTrace trace) {
        inbox.traced.traceInto(trace);
    }

    private byte[] await(String function) throws RfcException {
        java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
        await(function, joined::writeBytes);
        return joined.toByteArray();
    }

    private void await(String function, ReplyPieces pieces) throws RfcException {
        await(newReply(), function, pieces, System.nanoTime() + settings.callTimeout().toNanos());
    }

    private WsRfcMessages newReply() {
        return WsRfcMessages.forReply(limits.maxMessageBytes(), limits.maxRecordBytes());
    }

    /**
     * Applies what {@code reply} holds, then takes the reply's further messages from the queue until it is complete,
     * the session ends or {@code deadline} passes.
     */
    private void await(WsRfcMessages reply, String function, ReplyPieces pieces, long deadline) throws RfcException {
        if (applyItems(reply, function, pieces)) {
            return;
        }
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Object next = left <= 0 ? null : inbox.messages.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    close();
                    throw timeout(function);
                }
                if (next == CLOSED) {
                    throw new CommunicationFailureException("The WebSocket to destination " + settings.name() + " was "
                            + inbox.closeReason + " during " + function);
                }
                byte[] message = (byte[]) next;
                inbox.taken(message);
                added(reply, message, function);
                if (applyItems(reply, function, pieces)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommunicationFailureException("Interrupted while waiting for destination " + settings.name());
        }
    }

    private CommunicationFailureException timeout(String function) {
        return new CommunicationFailureException("Timeout: destination " + settings.name() + " did not answer "
                + function + " within " + settings.callTimeout().toMillis() + " ms");
    }

    /**
     * Adds a message of the reply; a malformed or oversized reply closes the session.
     *
     * @return whether the reply is complete
     */
    private boolean added(WsRfcMessages reply, byte[] message, String function) throws RfcException {
        try {
            return reply.add(message, 0, message.length);
        } catch (RfcProtocolException e) {
            throw refused(e, function);
        }
    }

    /**
     * Hands the reply's whole items not yet taken to {@code pieces}; a malformed reply closes the session.
     *
     * @return whether the reply is complete
     */
    private boolean applyItems(WsRfcMessages reply, String function, ReplyPieces pieces) throws RfcException {
        try {
            byte[] items = reply.takeItems();
            if (items.length > 0) {
                pieces.feed(items);
            }
            return reply.isComplete();
        } catch (RfcProtocolException e) {
            throw refused(e, function);
        }
    }

    /** Closes the session on a reply it cannot take, and says why as the ABAP caller gets it. */
    private RfcException refused(RfcProtocolException refusal, String function) {
        close();
        if (refusal instanceof ReplyLimitException e) {
            String setting = e.itemLimit() ? "max.item.mb" : "max.message.mb";
            LOG.warn("Destination {} ({}): reply to {} refused, session closed: {}", settings.name(), settings.url(),
                    function, e.getMessage());
            return new CommunicationFailureException("Destination " + settings.name() + " (" + settings.url() + "): "
                    + e.problem().replace("the peer", "the cloud") + " while answering " + function
                    + "; the session is closed (setting " + setting + ")", e);
        }
        // once per rejected reply, with the peer and the offset (in the reply), so a trace can be matched
        LOG.warn("Destination {} ({}): malformed reply to {}, session closed: {}", settings.name(), settings.url(),
                function, refusal.getMessage());
        return new SystemFailureException("Destination " + settings.name() + " answered " + function
                + " with a malformed reply: " + refusal.getMessage(), refusal);
    }

    /** The most received bytes that waited for a caller at once on this session. */
    long peakWaitingBytes() {
        return inbox.peakWaitingBytes();
    }

    /** True while the session is open and has not been seen to end. */
    boolean isOpen() {
        return session.isOpen() && !inbox.ended;
    }

    /** Sends a WebSocket ping; the pong (or any message) marks the session alive, see {@link #silentSincePing}. */
    void ping() {
        pingSentNanos = System.nanoTime();
        session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
    }

    /** True if a ping was sent more than {@code timeout} ago and nothing has been heard since. */
    boolean silentSincePing(Duration timeout) {
        long sent = pingSentNanos;
        return sent != 0 && inbox.lastHeardNanos - sent < 0 && System.nanoTime() - sent > timeout.toNanos();
    }

    @Override
    public void close() {
        session.close();
    }
}
