package org.rfcbridge.cpic.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.appc.AppcFunction;
import org.rfcbridge.protocol.appc.AppcHeader;
import org.rfcbridge.protocol.appc.AppcMessageAssembler;
import org.rfcbridge.protocol.appc.AppcRecord;
import org.rfcbridge.protocol.classic.StreamedResponse;
import org.rfcbridge.protocol.gateway.GatewayErrorBlock;
import org.rfcbridge.protocol.gateway.GatewayRecord;
import org.rfcbridge.protocol.ni.NiFrames;
import org.rfcbridge.protocol.registration.RegistrationRecords;
import org.rfcbridge.protocol.trace.WireTrace;

/**
 * One registration of a Program ID at a gateway, serving one call at a time
 * ({@code protocol-cpic-2026.md} §2, R1-R10): register, say ready, then for every call that arrives
 * read the relayed request, let the {@link CallHandler} answer it, send the reply, end the
 * conversation and say ready again. NI_PING is answered in any state.
 *
 * <p>The reply of a small call is sent by the thread that received the destination's reply, while this
 * connection's thread already waits for the gateway's next record: one wake-up per call instead of two
 * (docs/performance.md, "The reply answered where it arrives"). Writes to the gateway are whole NI frames in
 * order ({@link GatewaySocket}); the call's trace and byte counts travel with its reply, not in shared fields.
 *
 * <p>{@link #register()} and {@link #serve()} block the calling thread; {@link #close()} from another
 * thread ends them. Reconnecting and back-off are the listener's business, not this class's.
 */
public final class RegisteredConnection implements AutoCloseable {
    /** Listener of what the connection does, for states and counters. */
    public interface Observer {
        /** A call arrived and is being served. */
        default void callStarted() {
        }

        /** A call was answered; byte counts of the request and reply. */
        default void callFinished(long bytesIn, long bytesOut) {
        }

        /** Where the records of a call that begins now go: a trace file, or nowhere. */
        default WireTrace traceCall() {
            return WireTrace.OFF;
        }
    }

    private final String gatewayHost;
    private final int gatewayPort;
    private final String programId;
    private final String localHost;
    private final Duration connectTimeout;
    /** How long the registration answer, and the rest of a record or request once begun, may take. */
    private final Duration readTimeout;
    private final ProtocolLimits limits;
    private final Observer observer;
    /** Whether the request arriving may grow further (max.request.mb, the bridge's memory). */
    private final RequestAdmission admission;
    private final GatewaySocket gateway = new GatewaySocket();
    /**
     * Since when the gateway has sent part of a record or of a request without finishing it
     * ({@link System#nanoTime()}), 0 while nothing is unfinished: a trickle or a silence in the middle shows here.
     */
    private volatile long unfinishedSince;
    /** Why the request arriving is refused, null while it is not: it is then read to its end and not kept. */
    private SystemFailureException refusal;
    /** The first fragment of a refused request, for the call log. */
    private byte[] beginning;
    /** The payload of the record {@link #nextRecord()} returned last (for the trace and the byte count). */
    private byte[] lastPayload;
    /** The bytes of the call in progress as received. */
    private long bytesIn;
    /**
     * The trace of the call in progress: every record read and written goes to it. Volatile: the thread that answers
     * a call ends its trace, and may not be the one that reads the next call.
     */
    private volatile WireTrace trace = WireTrace.OFF;

    /** A connection to register {@code programId} at {@code gatewayHost:gatewayPort}, within the bridge's memory. */
    public RegisteredConnection(String gatewayHost, int gatewayPort, String programId, String localHost,
                                Duration connectTimeout, Duration readTimeout, ProtocolLimits limits,
                                Observer observer) {
        this(gatewayHost, gatewayPort, programId, localHost, connectTimeout, readTimeout, limits, observer,
                RequestMemory.BRIDGE);
    }

    /** As above, with large requests held within {@code memory}. */
    RegisteredConnection(String gatewayHost, int gatewayPort, String programId, String localHost,
                         Duration connectTimeout, Duration readTimeout, ProtocolLimits limits, Observer observer,
                         RequestMemory memory) {
        if (programId.isEmpty() || programId.length() > RegistrationRecords.MAX_PROGRAM_ID || programId.contains("*")) {
            throw new IllegalArgumentException("Program ID '" + programId + "' must have 1 to "
                    + RegistrationRecords.MAX_PROGRAM_ID + " characters and no *");
        }
        this.gatewayHost = gatewayHost;
        this.gatewayPort = gatewayPort;
        this.programId = programId;
        this.localHost = localHost;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.limits = limits;
        this.observer = observer;
        this.admission = new RequestAdmission(memory, limits.maxMessageBytes());
    }

    /**
     * Connects and registers: GW_REGISTER_TP, the host/Program ID block, ready (0xd1).
     *
     * @throws RegistrationRefusedException if the gateway refuses (its text and SAP rc)
     * @throws IOException if the gateway cannot be reached or answers with something else
     */
    public void register() throws IOException {
        gateway.connect(gatewayHost, gatewayPort, connectTimeout);
        send(RegistrationRecords.register(gateway.localIpv4(), localHost, programId).encode());
        byte[] reply;
        gateway.readTimeout(readTimeout);
        try {
            reply = read();
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("gateway " + gatewayHost + ":" + gatewayPort + " accepted the connection "
                    + "but did not answer the registration within " + readTimeout.toSeconds() + " s (read.timeout)");
        } finally {
            gateway.readTimeout(Duration.ZERO);
        }
        if (!GatewayRecord.isGatewayRecord(reply)) {
            refused(AppcRecord.decode(reply));
        }
        send(RegistrationRecords.hostBlock(localHost, programId));
        send(RegistrationRecords.ready().encode());
    }

    /**
     * Serves calls until the connection closes.
     *
     * @throws RegistrationRefusedException if the gateway refuses the registration after the block
     * @throws RfcProtocolException on a malformed or oversized frame (the caller closes and re-registers)
     * @throws IOException when the gateway goes away
     */
    public void serve(CallHandler handler) throws IOException {
        try {
            serveCalls(handler);
        } finally {
            admission.callEnded();                                   // a call cut off while it arrived
            trace.close();
        }
    }

    private void serveCalls(CallHandler handler) throws IOException {
        AppcMessageAssembler assembler = new AppcMessageAssembler(limits.maxMessageBytes());
        String conversation = null;
        long requestStarted = 0;
        boolean streamingAsked = false;
        while (true) {
            AppcRecord record = nextRecord();
            byte[] payload = lastPayload;
            AppcHeader header = record.header();
            AppcFunction function = header.appcFunction();
            if (function == AppcFunction.F_SAP_REGTP || function == AppcFunction.F_SAP_PING) {
                conversation = header.conversationId();                   // a call arrives (or a handle update)
                traceFrom(payload);
            } else if (function == AppcFunction.F_ACCEPT_CONVERSATION || function == AppcFunction.F_RECEIVE) {
                if (assembler.pendingBytes() == 0) {
                    observer.callStarted();
                    requestStarted = System.nanoTime();
                    streamingAsked = false;
                    traceFrom(payload);
                }
                bytesIn += payload.length;
                String id = conversation != null ? conversation : header.conversationId();
                CallHandler.ArrivingCall arriving = null;
                if (refusal == null && !streamingAsked && assembler.pendingBytes() + record.data().length
                        > RequestAdmission.SMALL_REQUEST_BYTES) {
                    streamingAsked = true;
                    arriving = handler.arriving(assembler.copy());   // the request so far; this record follows
                }
                if (arriving != null) {
                    assembler.discard();
                    ArrivingRest rest = new ArrivingRest(assembler, record);
                    ReplyParts parts = new ReplyParts(id);
                    arriving.handle(rest, parts, new CallHandler.Answer() {
                        @Override
                        public void send(byte[] reply) throws IOException {
                            assembler.message();                           // read to its end: the next one begins
                            unfinishedSince = 0;
                            parts.requestBytes = bytesIn;
                            bytesIn = 0;
                            parts.send(reply);
                        }

                        @Override
                        public void abort(IOException why) {
                            parts.abort(why);
                        }
                    });
                    conversation = null;
                    continue;
                }
                if (refusal == null) {
                    requestStarted += admit(assembler.pendingBytes() + record.data().length);
                    if (refusal != null) {
                        beginning = assembler.discard();       // read to its end, kept no longer
                    }
                }
                if (!assembler.add(record)) {
                    unfinishedSince = requestStarted;                // the rest of the request is due
                } else {
                    unfinishedSince = 0;
                    ReplyParts parts = new ReplyParts(id);
                    parts.requestBytes = bytesIn;
                    bytesIn = 0;
                    long requestBytes = assembler.pendingBytes();
                    byte[] request = assembler.message();
                    try {
                        if (refusal != null) {
                            parts.send(handler.refuse(beginning, requestBytes, refusal));
                        } else {
                            handler.handle(request, parts, parts);          // answered now or by the cloud's reply
                        }
                    } finally {
                        admission.callEnded();
                        refusal = null;
                        beginning = null;
                    }
                    conversation = null;
                }
            }
        }
    }

    /** The next APPC record from the gateway, pings answered on the way; its payload is {@link #lastPayload}. */
    private AppcRecord nextRecord() throws IOException {
        while (true) {
            byte[] payload = read();
            if (NiFrames.isPing(payload)) {
                send(NiFrames.pong());
                continue;
            }
            if (NiFrames.isPong(payload) || payload.length == 0) {
                continue;
            }
            AppcRecord record = AppcRecord.decode(payload);
            AppcHeader header = record.header();
            if (header.appcReturnCode() != 0 || header.errorLength() > 0) {
                refused(record);
            }
            lastPayload = payload;
            return record;
        }
    }

    /**
     * One call's reply: leading parts go to the gateway at once, counted; the rest ends the conversation. Either may be
     * sent by the thread that received the destination's reply while this connection's thread waits for the gateway.
     */
    private final class ReplyParts implements StreamedResponse.Parts, CallHandler.Answer {
        private final String conversation;
        /** The request's bytes as received. */
        long requestBytes;
        /** Reply bytes sent in leading parts. */
        private long bytes;

        ReplyParts(String conversation) {
            this.conversation = conversation;
        }

        @Override
        public void send(byte[] b, int offset, int length) throws IOException {
            bytes += replyData(conversation, b, offset, length, false, trace);
            gateway.flush();                                    // the gateway passes it on while the rest is made
        }

        /**
         * Sends the reply's rest, ends the conversation and says ready again. The call's trace ends first, so that
         * the next call, which the gateway may send as soon as it has this reply, has its own.
         *
         * @throws IOException if the gateway connection broke: it is closed, so its reading thread learns it too
         */
        @Override
        public void send(byte[] rest) throws IOException {
            WireTrace callTrace = trace;
            trace = WireTrace.OFF;
            try {
                long bytesOut = bytes + replyData(conversation, rest, 0, rest.length, true, callTrace);
                write(RegistrationRecords.deallocate(conversation).encode(), callTrace);
                write(RegistrationRecords.unaccept(conversation).encode(), callTrace);
                write(RegistrationRecords.rearm().encode(), callTrace);
                gateway.flush();
                observer.callFinished(requestBytes, bytesOut);
            } catch (IOException e) {
                gateway.closeBecause("the reply could not be sent to the gateway: " + e.getMessage());
                throw e;
            } finally {
                callTrace.close();
            }
        }

        @Override
        public void abort(IOException why) {
            gateway.closeBecause(why.getMessage());
        }
    }

    /**
     * The rest of a request passed on while it arrives: the record that made it large, then each further record
     * of the conversation as it is asked for, checked and counted, not kept. The gateway must send each record
     * within {@code read.timeout} of being asked for it; while the bridge waits for the cloud, nothing is asked.
     */
    private final class ArrivingRest implements CallHandler.RequestRest {
        private final AppcMessageAssembler assembler;
        private byte[] first;
        private boolean ended;

        ArrivingRest(AppcMessageAssembler assembler, AppcRecord record) throws RfcProtocolException {
            this.assembler = assembler;
            this.first = record.data();
            this.ended = assembler.add(record);
        }

        @Override
        public byte[] next() throws IOException {
            if (first != null) {
                byte[] data = first;
                first = null;
                return data;
            }
            if (ended) {
                return null;
            }
            unfinishedSince = System.nanoTime();
            AppcRecord record = nextRecord();
            unfinishedSince = 0;
            AppcFunction function = record.header().appcFunction();
            if (function != AppcFunction.F_RECEIVE && function != AppcFunction.F_ACCEPT_CONVERSATION) {
                throw new RfcProtocolException("gateway " + gatewayHost + ":" + gatewayPort + " sent " + function
                        + " in the middle of a request", 0);
            }
            bytesIn += lastPayload.length;
            ended = assembler.add(record);
            return record.data();
        }
    }

    /** Starts the call's trace, if it is traced, with the record that began it (the later ones follow by themselves). */
    private void traceFrom(byte[] first) {
        if (trace == WireTrace.OFF) {
            trace = observer.traceCall();
            trace.record(first);
        }
    }

    /**
     * Asks whether the request may grow to {@code total} bytes, setting {@link #refusal} if not. Waiting for the
     * bridge's memory is not the gateway's slowness: the watchdog does not count it.
     *
     * @return how long it waited, in nanoseconds
     */
    private long admit(long total) throws IOException {
        long since = unfinishedSince;
        long start = System.nanoTime();
        unfinishedSince = 0;
        try {
            refusal = admission.admit(total);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while the call waited for memory");
        } finally {
            unfinishedSince = since;
        }
        return System.nanoTime() - start;
    }

    /** Reply data as records of at most {@value AppcRecord#MAX_CHUNK} bytes; {@code last} marks the final one. */
    private long replyData(String conversation, byte[] data, int offset, int length, boolean last, WireTrace callTrace)
            throws IOException {
        long written = 0;
        int at = offset;
        int end = offset + length;
        do {
            int chunk = Math.min(AppcRecord.MAX_CHUNK, end - at);
            byte[] record = RegistrationRecords.reply(conversation, data, at, chunk, last && at + chunk >= end).encode();
            write(record, callTrace);
            written += record.length;
            at += chunk;
        } while (at < end);
        return written;
    }

    private void refused(AppcRecord record) throws RegistrationRefusedException, RfcProtocolException {
        String text = GatewayErrorBlock.isErrorBlock(record.errorText())
                ? GatewayErrorBlock.decode(record.errorText()).message() : "no error text";
        throw new RegistrationRefusedException("gateway " + gatewayHost + ":" + gatewayPort + " refused Program ID "
                + programId + ": " + text + " (SAP rc " + record.header().sapReturnCode() + ")",
                record.header().sapReturnCode());
    }

    private byte[] read() throws IOException {
        byte[] payload = gateway.read(limits.maxRecordBytes());
        trace.record(payload);
        return payload;
    }

    /**
     * True if the gateway began a record or a request longer than {@code limit} ago and has not finished it:
     * a trickle or a silence in the middle. Reads have no timeout while the connection waits for calls, so
     * the listener's watchdog asks this.
     */
    boolean unfinishedLongerThan(Duration limit) {
        long since = gateway.recordStarted() != 0 ? gateway.recordStarted() : unfinishedSince;
        return since != 0 && System.nanoTime() - since > limit.toNanos();
    }

    private void send(byte[] payload) throws IOException {
        write(payload, trace);
        gateway.flush();
    }

    private void write(byte[] payload, WireTrace callTrace) throws IOException {
        callTrace.record(payload);
        gateway.write(payload);
    }

    /**
     * True if a write to the gateway has waited longer than {@code limit}: the gateway stopped taking
     * data. Java's socket writes have no timeout of their own, so a watchdog asks this.
     */
    boolean writeBlockedLongerThan(Duration limit) {
        return gateway.writeBlockedLongerThan(limit);
    }

    /** Closes the connection from another thread; the write or read it ends fails with {@code reason}. */
    void closeBecause(String reason) {
        gateway.closeBecause(reason);
    }

    @Override
    public void close() {
        gateway.close();
    }
}
