package org.rfcbridge.cpic.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.rfcbridge.api.ArrivingRequest;
import org.rfcbridge.api.CallContext;
import org.rfcbridge.api.CallObserver;
import org.rfcbridge.api.CallRecord;
import org.rfcbridge.api.CallRouter;
import org.rfcbridge.api.FunctionRepository;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.classic.ErrorEnvelope;
import org.rfcbridge.protocol.classic.LogonRequest;
import org.rfcbridge.protocol.classic.LogonResponse;
import org.rfcbridge.protocol.classic.RequestDecoder;
import org.rfcbridge.protocol.classic.ResponseOptions;
import org.rfcbridge.protocol.classic.StreamedResponse;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.protocol.item.ItemWriter;
import org.rfcbridge.protocol.wsrfc.WsRfcMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the bridge does with a relayed call: read the caller's logon (sender system ID and client,
 * user, language, the SM59 destination), answer SM59's connection test, get the function's interface
 * from the repository (cached per function), decode the parameters, ask routing for the destination,
 * call it, and write back its results or its error as the ABAP caller expects them. Every failure
 * becomes a reply: the caller always gets an answer it understands.
 */
final class BridgeCallHandler implements CallHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeCallHandler.class);
    /** Program name written into replies ({@code 0x0130}). */
    static final String PROGRAM_NAME = "RFCBRIDGE";
    /**
     * Reply bytes held before they are sent on while the call's tables still arrive. A smaller reply is
     * sent whole, so an error can still replace it; a larger one flows through in parts of this size
     * and never has to fit in the heap (docs/performance.md, "Large table").
     */
    static final int REPLY_PART_BYTES = 1 << 20;
    /** How long a function the repository does not know is answered without asking it again. */
    static final Duration NOT_FOUND_CACHE = Duration.ofSeconds(60);
    /** Functions remembered as not found at most; the memory is forgotten when full. */
    private static final int NOT_FOUND_ENTRIES = 1000;

    private final String programId;
    private final Supplier<CallRouter> router;
    private final Supplier<FunctionRepository> repository;
    private final String repositoryName;
    private final boolean pingForward;
    private final ListenerCounters counters;
    private final CallObserver observer;
    private final ClassicSerializer serializer;
    private final ProtocolLimits limits;
    private final Map<String, FunctionMetadata> metadata = new ConcurrentHashMap<>();
    /** When each function was last not found in the repository. */
    private final Map<String, Long> notFound = new ConcurrentHashMap<>();
    /** Whether the call log gets the calls' values (setting {@code call.log.values}). */
    private volatile boolean logValues;
    private final LogRateLimit refusals = new LogRateLimit(20, Duration.ofMinutes(1));
    private final LogRateLimit undecodable = new LogRateLimit(20, Duration.ofMinutes(1));

    BridgeCallHandler(String programId, Supplier<CallRouter> router, Supplier<FunctionRepository> repository,
                      String repositoryName, boolean pingForward, ListenerCounters counters, ProtocolLimits limits,
                      TableCompression compression, CallObserver observer) {
        this.programId = programId;
        this.router = router;
        this.repository = repository;
        this.repositoryName = repositoryName;
        this.pingForward = pingForward;
        this.counters = counters;
        this.observer = observer;
        this.limits = limits;
        this.serializer = new ClassicSerializer(limits, compression);
    }

    /** The call log gets each call's IMPORTING and CHANGING values ({@link CallValues}), or none (the default). */
    void logParameterValues(boolean on) {
        logValues = on;
    }

    /** Forgets the cached interfaces (the repository changed). */
    void invalidate() {
        metadata.clear();
        notFound.clear();
    }

    /** Answers on the calling thread, waiting for the destination's reply where it is received elsewhere. */
    @Override
    public byte[] handle(byte[] chain, StreamedResponse.Parts parts) throws IOException {
        CompletableFuture<byte[]> reply = new CompletableFuture<>();
        handle(chain, parts, new Answer() {
            @Override
            public void send(byte[] rest) {
                reply.complete(rest);
            }

            @Override
            public void abort(IOException why) {
                reply.completeExceptionally(why);
            }
        });
        try {
            return reply.get();                                   // the destination's call timeout ends every call
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while the call waited for its destination");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /**
     * Answers a call: the destination's reply, or the error, goes to {@code answer} on the thread that has it (the
     * WebSocket RFC destination's: the one that received the reply), so this one can go back to the gateway.
     */
    @Override
    public void handle(byte[] chain, StreamedResponse.Parts parts, Answer answer) throws IOException {
        CallRecord record = new CallRecord(programId, chain.length);
        recorded(record, parts, answer, (counted, recordedAnswer) -> handle(chain, counted, record, recordedAnswer));
    }

    /** How a call is answered: its reply's leading parts go to {@code parts}, its rest to {@code answer}. */
    @FunctionalInterface
    private interface Answering {
        void answer(StreamedResponse.Parts parts, Answer answer) throws IOException;
    }

    /**
     * The answer, with what it sends counted in the call's record, which then goes to the observer once the reply's
     * last part has gone to the gateway (or did not), whichever thread sends it.
     */
    private void recorded(CallRecord record, StreamedResponse.Parts parts, Answer answer, Answering answering)
            throws IOException {
        StreamedResponse.Parts counted = (b, offset, length) -> {
            parts.send(b, offset, length);
            record.sent(length);
        };
        AtomicBoolean answered = new AtomicBoolean();
        Answer recordedAnswer = new Answer() {
            @Override
            public void send(byte[] rest) throws IOException {
                answered.set(true);
                try {
                    answer.send(rest);
                } catch (IOException e) {
                    record.broke("the reply's last part did not reach the gateway: " + e.getMessage());
                    record.end(observer);
                    throw e;
                } catch (RuntimeException e) {
                    record.end(observer);
                    throw e;
                }
                record.sent(rest.length);
                record.end(observer);
            }

            @Override
            public void abort(IOException why) {
                answered.set(true);
                record.broke(why.getMessage());
                record.end(observer);
                answer.abort(why);
            }
        };
        try {
            answering.answer(counted, recordedAnswer);
        } catch (IOException e) {
            if (!answered.get()) {
                record.broke(e.getMessage());
                record.end(observer);
            }
            throw e;
        } catch (RuntimeException | Error e) {
            if (!answered.get()) {
                record.end(observer);
            }
            throw e;
        }
    }

    @Override
    public byte[] refuse(byte[] beginning, long requestBytes, RfcException reason) {
        CallRecord record = new CallRecord(programId, requestBytes);
        String function = "?";
        try {
            LogonRequest logon = LogonRequest.decode(beginning, 0, beginning.length, limits);
            record.caller(logon.systemId() + logon.client(), logon.destination().isEmpty() ? programId
                    : logon.destination(), logon.user());
            function = serializer.decoder().functionName(beginning, 0, beginning.length);
            record.function(function);
        } catch (RfcProtocolException | RuntimeException cut) {
            // the first fragment ended before the logon or the function name: the call log says "?"
        }
        try {
            return error(function, reason, record);
        } finally {
            record.end(observer);
        }
    }

    /**
     * A large request is passed on while it arrives when its destination can take it so ({@link
     * RfcDestination#streamsRequests()}); one that no rule routes is read to its end and refused; otherwise, or
     * when its head does not say who calls what, it is gathered whole (and bounded by the memory guard). Its head
     * holds the logon context and the function's name.
     */
    @Override
    public ArrivingCall arriving(byte[] head) {
        LogonRequest logon;
        String function;
        try {
            logon = LogonRequest.decode(head, 0, head.length, limits);
            function = serializer.decoder().functionName(head, 0, head.length);
        } catch (RfcProtocolException | RuntimeException cut) {
            return null;
        }
        String receiver = logon.destination().isEmpty() ? programId : logon.destination();
        CallContext call = new CallContext(logon.systemId(), logon.client(), receiver, function, logon.user(),
                logon.language());
        CallRouter.Route route;
        try {
            route = routeNamingTheRule(call);
        } catch (RfcException refused) {
            // refused once (and logged once): the rest is read and thrown away, not gathered to be routed again
            return (rest, parts, answer) -> {
                long bytes = head.length;
                for (byte[] piece = rest.next(); piece != null; piece = rest.next()) {
                    bytes += piece.length;
                }
                answer.send(refuse(head, bytes, refused));
            };
        }
        if (!route.destination().streamsRequests()) {
            return null;
        }
        return (rest, parts, answer) -> {
            CallRecord record = new CallRecord(programId, 0);
            record.caller(logon.systemId() + logon.client(), receiver, logon.user());
            record.function(function);
            record.routed(route);
            recorded(record, parts, answer, (counted, recordedAnswer) -> recordedAnswer.send(
                    new ArrivingRequestCall(head, rest, record).answer(function, route.destination(), counted)));
        };
    }

    /** One call whose request is decoded and passed on to its destination while the gateway's records arrive. */
    private final class ArrivingRequestCall implements ArrivingRequest {
        private final CallRecord record;
        private final RequestRest rest;
        private final WsRfcMessages items = WsRfcMessages.forRequest(Long.MAX_VALUE, limits.maxMessageBytes());
        private byte[] head;
        private RequestDecoder decoder;
        /** The request could not be decoded: the rest is read and thrown away, the caller gets SYSTEM_FAILURE. */
        private RfcProtocolException malformed;
        /** The reply to the caller, whose tables stream once the request has arrived. */
        private StreamedResponse reply;

        ArrivingRequestCall(byte[] head, RequestRest rest, CallRecord record) {
            this.head = head;
            this.rest = rest;
            this.record = record;
        }

        byte[] answer(String function, RfcDestination destination, StreamedResponse.Parts parts) throws IOException {
            long start = System.nanoTime();
            StreamedResponse reply = null;
            try {
                Function request = serializer.decoder().newRequest(metadata(function));
                decoder = serializer.decoder().requestDecoder(request);
                // armed once the request has arrived (arrive()): until then the rows are the request's
                reply = serializer.encoder().streamedResponse(request, ResponseOptions.registeredServer(PROGRAM_NAME,
                        0), REPLY_PART_BYTES, parts);
                this.reply = reply;
                long cloudStart = System.nanoTime();
                try {
                    destination.execute(request, this);
                } catch (java.io.UncheckedIOException e) {
                    if (malformed == null) {
                        throw e.getCause();                     // the gateway went away: no one to answer
                    }
                    throw undecodable(function);
                } finally {
                    record.inDestination(System.nanoTime() - cloudStart);
                    record.countRows(request);
                }
                return finished(reply, start);
            } catch (RfcException | RuntimeException e) {
                drain();
                return failed(function, reply, e, record);
            }
        }

        private SystemFailureException undecodable(String function) throws IOException {
            drain();
            long leftOut = undecodable.permit();
            if (leftOut >= 0) {
                LOG.warn("Program ID {}: cannot decode the call of {}: {}{}", programId, function,
                        malformed.getMessage(), LogRateLimit.leftOut(leftOut));
            }
            return new SystemFailureException("RFC Bridge cannot decode the call of " + function + ": "
                    + malformed.problem());
        }

        @Override
        public boolean arrive() throws IOException {
            byte[] piece = head != null ? head : rest.next();
            record.received(piece == null ? 0 : piece.length);
            head = null;
            try {
                if (piece == null) {
                    decoder.end();
                    reply.streamTables();                      // what comes now is the cloud's reply
                    return false;
                }
                items.add(piece, 0, piece.length);
                byte[] whole = items.takeItems();
                decoder.feed(whole, 0, whole.length);
                return true;
            } catch (RfcProtocolException e) {
                malformed = e;
                throw new IOException("the request cannot be decoded: " + e.getMessage(), e);
            }
        }

        /** Reads what is left of the request and throws it away: the gateway wants the whole of it before a reply. */
        private void drain() throws IOException {
            while (rest.next() != null) {
                // thrown away
            }
        }
    }

    private void handle(byte[] chain, StreamedResponse.Parts parts, CallRecord record, Answer answer)
            throws IOException {
        long start = System.nanoTime();
        String function = "?";
        String caller = "an unknown caller";
        StreamedResponse reply = null;
        byte[] now;
        try {
            LogonRequest logon = LogonRequest.decode(chain, 0, chain.length, limits);
            caller = logon.systemId() + logon.client() + " (user " + logon.user() + ")";
            String receiver = logon.destination().isEmpty() ? programId : logon.destination();
            record.caller(logon.systemId() + logon.client(), receiver, logon.user());
            function = serializer.decoder().functionName(chain, 0, chain.length);
            record.function(function);
            CallContext call = new CallContext(logon.systemId(), logon.client(), receiver, function, logon.user(),
                    logon.language());
            if (function.equals("RFCPING") || function.equals("RFC_PING")) {
                if (pingForward) {
                    route(call, record).ping();
                }
                now = LogonResponse.encodeRegisteredServerAccept("127.0.0.1", PROGRAM_NAME, micros(start));
            } else {
                // routing is the first gate: a caller without a rule learns nothing of the repository and costs it nothing
                RfcDestination destination = route(call, record);
                Function request = serializer.decoder().decodeRequest(chain, 0, chain.length, metadata(function));
                if (logValues) {
                    record.values(CallValues.of(request));
                }
                reply = serializer.encoder().streamedResponse(request, ResponseOptions.registeredServer(PROGRAM_NAME,
                        0), REPLY_PART_BYTES, parts).streamTables();
                new DestinationCall(function, request, reply, start, record, answer).on(destination);
                return;
            }
        } catch (RfcProtocolException e) {
            long leftOut = undecodable.permit();
            if (leftOut >= 0) {
                LOG.warn("Program ID {}: cannot decode the call of {} from {}: {}{}", programId, function, caller,
                        e.getMessage(), LogRateLimit.leftOut(leftOut));
            }
            now = error(function, new SystemFailureException("RFC Bridge cannot decode the call of " + function + ": "
                    + e.problem()), record);
        } catch (RfcException | RuntimeException e) {
            now = failed(function, reply, e, record);
        }
        answer.send(now);
    }

    /** A call at its destination; the destination's outcome is answered on the thread that has it. */
    private final class DestinationCall implements RfcDestination.Answered {
        private final String function;
        private final Function request;
        private final StreamedResponse reply;
        private final long start;
        private final CallRecord record;
        private final Answer answer;
        private long sent;

        DestinationCall(String function, Function request, StreamedResponse reply, long start, CallRecord record,
                        Answer answer) {
            this.function = function;
            this.request = request;
            this.reply = reply;
            this.start = start;
            this.record = record;
            this.answer = answer;
        }

        void on(RfcDestination destination) {
            sent = System.nanoTime();
            destination.execute(request, this);
        }

        /** The reply, or the error, goes to the caller; whatever happens here is answered, nothing is thrown. */
        @Override
        public void answered(RfcException failure) {
            record.inDestination(System.nanoTime() - sent);
            record.countRows(request);
            byte[] rest;
            try {
                rest = rest(failure);
            } catch (IOException abort) {
                answer.abort(abort);                    // parts of the reply are with the caller: the conversation ends
                return;
            } catch (Error e) {
                answer.abort(new IOException("RFC Bridge failed on the reply of " + function + ": " + e, e));
                throw e;
            }
            try {
                answer.send(rest);
            } catch (IOException | RuntimeException e) {
                // in the call's record, and the gateway connection is closed: its own thread reports it
            }
        }

        /**
         * The reply's rest, or the error reply.
         *
         * @throws IOException if parts of the reply were sent already, so no error reply can follow them
         */
        private byte[] rest(RfcException failure) throws IOException {
            if (failure != null) {
                return failed(function, reply, failure, record);
            }
            try {
                return finished(reply, start);
            } catch (RuntimeException e) {
                return failed(function, reply, e, record);
            }
        }
    }

    /** The reply's rest once the destination's outputs are in, with the bridge's time since {@code start}. */
    private static byte[] finished(StreamedResponse reply, long start) {
        ItemWriter last = reply.finish(ResponseOptions.registeredServer(PROGRAM_NAME, micros(start)));
        return Arrays.copyOf(last.buffer(), last.length());
    }

    /**
     * The error reply for a call that failed at or in its destination ({@code e} an {@link RfcException}) or inside
     * the bridge (any other exception, logged with its stack).
     *
     * @throws IOException if parts of the reply were sent already ({@link #abortIfSent})
     */
    private byte[] failed(String function, StreamedResponse reply, Exception e, CallRecord record) throws IOException {
        abortIfSent(reply, function, e);
        if (e instanceof RfcException rfc) {
            return error(function, rfc, record);
        }
        LOG.warn("Program ID {}: {} failed inside the bridge", programId, function, e);
        return error(function, new SystemFailureException("RFC Bridge failed on " + function + ": " + e), record);
    }

    /**
     * Parts of the reply are with the caller already, so no error reply can follow them: the conversation
     * must end abnormally (the gateway then reports COMMUNICATION_FAILURE to the caller).
     */
    private void abortIfSent(StreamedResponse reply, String function, Exception e) throws IOException {
        if (reply != null && reply.sentBytes() > 0) {
            counters.error(function + ": " + e.getMessage());
            throw new IOException("the reply of " + function + " failed after " + reply.sentBytes() + " bytes had "
                    + "been passed on (" + e.getMessage() + "); closing the connection ends the conversation, so the "
                    + "caller gets COMMUNICATION_FAILURE", e);
        }
    }

    /** The call's destination; the call log learns it and the rule that chose it. */
    private RfcDestination route(CallContext call, CallRecord record) throws RfcException {
        CallRouter.Route route = routeNamingTheRule(call);
        record.routed(route);
        return route.destination();
    }

    private CallRouter.Route routeNamingTheRule(CallContext call) throws RfcException {
        CallRouter current = router.get();
        if (current == null) {
            throw new SystemFailureException("RFC Bridge has no routing (the routing bundle is not running)");
        }
        try {
            return current.routeNamingTheRule(call);
        } catch (RfcException refused) {
            long leftOut = refusals.permit();
            if (leftOut >= 0) {
                LOG.info("Program ID {}: refused {} from {}{} to {} (user {}): {}{}", programId, call.functionName(),
                        call.senderSystemId(), call.senderClient(), call.receiver(), call.user(), refused.getMessage(),
                        LogRateLimit.leftOut(leftOut));
            }
            throw refused;
        }
    }

    private FunctionMetadata metadata(String function) throws RfcException {
        FunctionMetadata known = metadata.get(function);
        if (known != null) {
            return known;
        }
        Long missing = notFound.get(function);
        if (missing != null && System.nanoTime() - missing < NOT_FOUND_CACHE.toNanos()) {
            throw notFoundIn(function);
        }
        FunctionRepository current = repository.get();
        if (current == null) {
            throw new SystemFailureException("Repository server " + repositoryName + " of Program ID " + programId
                    + " is not available: configure the destination " + repositoryName);
        }
        Optional<FunctionMetadata> found = current.getFunctionMetadata(function);
        if (found.isEmpty()) {
            if (notFound.size() >= NOT_FOUND_ENTRIES) {
                notFound.clear();
            }
            notFound.put(function, System.nanoTime());
            throw notFoundIn(function);
        }
        metadata.put(function, found.get());
        return found.get();
    }

    private SystemFailureException notFoundIn(String function) {
        return new SystemFailureException("Function module " + function + " not found in repository server "
                + repositoryName, "CALL_FUNCTION_NOT_FOUND", null);
    }

    /** The error as the ABAP caller gets it, with the call id that leads from its short dump to the call log. */
    private byte[] error(String function, RfcException e, CallRecord record) {
        counters.error(function + ": " + e.getMessage());
        record.failed(e);
        return ErrorEnvelope.encode(e, record.errorPrefix());
    }

    private static double micros(long start) {
        return (System.nanoTime() - start) / 1000.0;
    }
}
