package org.rfcbridge.simulators.onprem;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.rfcbridge.protocol.Bytes;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.appc.AppcDataMessages;
import org.rfcbridge.protocol.appc.AppcFunction;
import org.rfcbridge.protocol.appc.AppcHeader;
import org.rfcbridge.protocol.appc.AppcMessageAssembler;
import org.rfcbridge.protocol.appc.AppcRecord;
import org.rfcbridge.protocol.appc.AppcReturnCode;
import org.rfcbridge.protocol.appc.ClientConversationRecords;
import org.rfcbridge.protocol.appc.InitializeParameters;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.gateway.GatewayErrorBlock;
import org.rfcbridge.protocol.gateway.GatewayRecord;
import org.rfcbridge.protocol.gateway.GatewayRequestType;
import org.rfcbridge.protocol.ni.NiFrames;
import org.rfcbridge.protocol.registration.RegistrationRecords;

/**
 * A simulated SAP gateway ({@code sapgwNN}) on loopback. Registered server programs register under a
 * Program ID (checked against a {@code reginfo} ACL); calling systems open conversations to a Program
 * ID, and each call goes to a free registration of it, round robin, waiting a bounded time when all
 * are busy. The gateway answers and sends NI keep-alives and drops a registration that stops
 * answering. What is not public about the real gateway follows {@code protocol-cpic-2026.md} §3 and is
 * listed in docs/onprem-simulator.md.
 *
 * <p>Fault injection for reliability tests: {@link #stop()} and {@link #restart()}, {@link #cutRegistration},
 * {@link #delayReplies}, {@link #dropNextReply()}, {@link #corruptNextFrame()} and
 * {@link #refuseRegistrations}.
 */
public final class SimulatedGateway implements AutoCloseable {
    /** SAP return code: transaction program not registered. */
    public static final int RC_NOT_REGISTERED = 679;
    /** SAP return code: registration of the program not allowed (reginfo). */
    public static final int RC_REGISTRATION_NOT_ALLOWED = 720;
    /** SAP return code: the client has not answered PING messages. */
    public static final int RC_PING_NOT_ANSWERED = 757;

    /**
     * How the gateway runs.
     *
     * @param port              TCP port on 127.0.0.1 (3300 + system number), 0 for any free one
     * @param reginfo           the reginfo file, or {@code null}: local registrations only
     * @param busyWait          how long a call waits for a free registration
     * @param callTimeout       how long a call waits for the registered program's reply
     * @param keepAlive         interval of NI_PING to idle registrations; a registration silent for twice this is dropped
     * @param limits            decoding limits
     */
    public record Settings(int port, Path reginfo, Duration busyWait, Duration callTimeout, Duration keepAlive,
                           ProtocolLimits limits) {
        /** Defaults: 5 s busy wait, 60 s call timeout, 60 s keep-alive. */
        public static Settings defaults(int port) {
            return new Settings(port, null, Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(60),
                    ProtocolLimits.DEFAULT);
        }

        /** The same settings with another keep-alive interval. */
        public Settings withKeepAlive(Duration interval) {
            return new Settings(port, reginfo, busyWait, callTimeout, interval, limits);
        }

        /** The same settings with a reginfo file. */
        public Settings withReginfo(Path file) {
            return new Settings(port, file, busyWait, callTimeout, keepAlive, limits);
        }

        /** The same settings with other waits. */
        public Settings withTimeouts(Duration busy, Duration call) {
            return new Settings(port, reginfo, busy, call, keepAlive, limits);
        }
    }

    /** State of a registration, as SMGW shows it. */
    public enum RegistrationState {
        /** Registered, waiting for a CPI-C call. */
        WAITING,
        /** Serving a call (or not yet ready again after one). */
        BUSY
    }

    /** One registration, as SMGW's list of registered programs shows it. */
    public record RegistrationInfo(int id, String programId, String host, RegistrationState state, long callsServed) {
    }

    /** One open client conversation. */
    public record ConnectionInfo(int id, String peer, String programId, long calls) {
    }

    /** A refusal the gateway sends a caller, with the codes a real gateway would use. */
    static final class GatewayRefusal extends Exception {
        private static final long serialVersionUID = 1L;
        final AppcReturnCode appcReturnCode;
        final int sapReturnCode;

        GatewayRefusal(AppcReturnCode appcReturnCode, int sapReturnCode, String message) {
            super(message);
            this.appcReturnCode = appcReturnCode;
            this.sapReturnCode = sapReturnCode;
        }
    }

    private final Settings settings;
    private final Consumer<String> events;
    private final ProtocolLimits limits;
    private final ClassicSerializer serializer;
    private volatile Reginfo reginfo;
    private volatile ServerSocket server;
    private volatile int port;
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final Set<ClientConversation> clients = ConcurrentHashMap.newKeySet();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object armed = new Object();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger roundRobin = new AtomicInteger();
    private final AtomicLong conversations = new AtomicLong(40_000_000);
    private final ScheduledExecutorService keepAlive;
    private volatile Duration replyDelay = Duration.ZERO;
    private final boolean[] readingPaused = {false};
    private final AtomicBoolean dropNextReply = new AtomicBoolean();
    private final AtomicBoolean corruptNextFrame = new AtomicBoolean();
    private volatile boolean refuseRegistrations;

    private SimulatedGateway(Settings settings, Consumer<String> events) throws IOException {
        this.settings = settings;
        this.events = events;
        this.limits = settings.limits();
        this.serializer = new ClassicSerializer(limits);
        this.port = settings.port();
        rereadReginfo();
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "simulated-gateway-keepalive"));
        long interval = settings.keepAlive().toMillis();
        keepAlive.scheduleWithFixedDelay(this::pingIdleRegistrations, interval, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts a gateway.
     *
     * @param events receives one line per registration, call and refusal (the CLI prints them)
     */
    public static SimulatedGateway start(Settings settings, Consumer<String> events) throws IOException {
        SimulatedGateway gateway = new SimulatedGateway(settings, events);
        gateway.listen();
        return gateway;
    }

    /** The port the gateway listens on. */
    public int port() {
        return port;
    }

    /** Reads the reginfo file again (SMGW: Goto > Expert Functions > External Security > Reread). */
    public void rereadReginfo() throws IOException {
        reginfo = settings.reginfo() == null ? Reginfo.localOnly() : Reginfo.read(settings.reginfo());
    }

    /** The registered programs now. */
    public List<RegistrationInfo> registrations() {
        List<RegistrationInfo> list = new ArrayList<>();
        for (Registration r : registrations) {
            if (r.programId != null) {
                list.add(new RegistrationInfo(r.id, r.programId, r.host, r.state, r.calls.get()));
            }
        }
        return list;
    }

    /** The open client conversations now (not the callers' idle connections between conversations). */
    public List<ConnectionInfo> connections() {
        List<ConnectionInfo> list = new ArrayList<>();
        for (ClientConversation c : clients) {
            if (!c.programId.isEmpty()) {
                list.add(new ConnectionInfo(c.id, c.peer, c.programId, c.calls.get()));
            }
        }
        return list;
    }

    // ------------------------------------------------------------------ fault injection

    /** Closes the listening socket and every connection (a gateway shutdown). */
    public void stop() {
        ServerSocket s = server;
        server = null;
        closeQuietly(s);
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        registrations.clear();
        synchronized (armed) {
            armed.notifyAll();
        }
    }

    /** Listens again on the same port after {@link #stop()}. */
    public void restart() throws IOException {
        if (server == null) {
            listen();
        }
    }

    /** Closes one registration of a Program ID (a cut connection); false if none is registered. */
    public boolean cutRegistration(String programId) {
        for (Registration r : registrations) {
            if (programId.equals(r.programId)) {
                r.close();
                return true;
            }
        }
        return false;
    }

    /** Delays every reply to callers by this much (zero: none). */
    public void delayReplies(Duration delay) {
        replyDelay = delay;
    }

    /**
     * Relays a request chain to a registration of the Program ID as a caller's call would be relayed, and
     * returns the reply chain: the registered program's side of a call without a calling system, for load
     * on a registered program that leaves the caller's cost out (the end-to-end benchmark).
     *
     * @throws IOException with the gateway's reason when it would refuse the call (nothing registered, timeout)
     */
    public byte[] relay(String programId, byte[] chain) throws IOException {
        try {
            return dispatch(programId, chain, functionName(chain), null);
        } catch (GatewayRefusal refusal) {
            throw new IOException(refusal.getMessage() + " (SAP rc " + refusal.sapReturnCode + ")", refusal);
        }
    }

    /** Swallows the next reply of a registered program: its caller waits until its timeout. */
    public void dropNextReply() {
        dropNextReply.set(true);
    }

    /** Damages the next call relayed to a registered program (its item chain), as a broken network would. */
    public void corruptNextFrame() {
        corruptNextFrame.set(true);
    }

    /**
     * Stops reading what registered programs send (a gateway too busy to read: their replies fill the
     * TCP buffers and their writes block), or reads again.
     */
    public void pauseReading(boolean pause) {
        synchronized (readingPaused) {
            readingPaused[0] = pause;
            readingPaused.notifyAll();
        }
    }

    /** Refuses every registration with rc 720, whatever the reginfo says. */
    public void refuseRegistrations(boolean refuse) {
        refuseRegistrations = refuse;
    }

    @Override
    public void close() {
        stop();
        keepAlive.shutdownNow();
    }

    // ------------------------------------------------------------------ connections

    private void listen() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = s.getLocalPort();
        server = s;
        Thread acceptor = daemon(() -> accept(s), "simulated-gateway-accept-" + port);
        acceptor.start();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket socket = s.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                daemon(() -> serve(socket), "simulated-gateway-" + socket.getPort()).start();
            } catch (IOException e) {
                // closed by stop()
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 65536);
            byte[] first = NiFrames.read(in, limits.maxRecordBytes());
            if (first == null) {
                return;
            }
            GatewayRecord record = GatewayRecord.decode(first);
            if (record.type() == GatewayRequestType.GW_REGISTER_TP) {
                new Registration(socket, in, out).run(record);
            } else if (record.type() == GatewayRequestType.GW_NORMAL_CLIENT) {
                new ClientConversation(socket, in, out).run(record);
            } else {
                events.accept("refused a connection from " + socket.getRemoteSocketAddress() + ": gateway request "
                        + record.type() + " is not simulated");
            }
        } catch (RfcProtocolException e) {
            events.accept("dropped " + socket.getRemoteSocketAddress() + ": malformed frame: " + e.getMessage());
        } catch (IOException e) {
            // the peer went away
        } finally {
            sockets.remove(socket);
        }
    }

    private static void send(OutputStream out, byte[] payload) throws IOException {
        NiFrames.write(out, payload, 0, payload.length);
        out.flush();
    }

    /** A registered server program's connection. */
    private final class Registration {
        final int id = ids.incrementAndGet();
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final AtomicLong calls = new AtomicLong();
        /**
         * Replies by conversation id. The server says "ready" (0xd0) right after its reply, so the next call
         * can be dispatched before the previous caller has taken its reply: each call has its own queue.
         */
        final Map<String, PendingReply> exchanges = new ConcurrentHashMap<>();
        volatile String programId;
        volatile String host;
        volatile RegistrationState state = RegistrationState.BUSY;
        volatile long lastHeard = System.nanoTime();

        Registration(Socket socket, InputStream in, OutputStream out) {
            this.socket = socket;
            this.in = in;
            this.out = out;
        }

        void run(GatewayRecord register) throws IOException {
            write(register.gatewayReply().encode());
            RegistrationRecords.HostAndProgram who = RegistrationRecords.readHostBlock(read());
            boolean local = socket.getInetAddress().isLoopbackAddress();
            if (refuseRegistrations || !reginfo.allows(who.programId(), who.host(), local)) {
                String text = "registration of TP " + who.programId() + " from host " + who.host() + " not allowed";
                events.accept("refused: " + text + " (rc " + RC_REGISTRATION_NOT_ALLOWED + ")");
                AppcHeader header = new AppcHeader(AppcFunction.F_SAP_ACCPTP)
                        .protocol(RegistrationRecords.PROTOCOL_REGISTERED)
                        .appcReturnCode(AppcReturnCode.CM_ALLOCATE_FAILURE_NO_RETRY.code())
                        .sapReturnCode(RC_REGISTRATION_NOT_ALLOWED);
                write(AppcRecord.withError(header, GatewayErrorBlock.of(text, RC_REGISTRATION_NOT_ALLOWED, "localhost",
                        "sapgw").encode()).encode());
                return;
            }
            host = who.host();
            programId = who.programId();
            registrations.add(this);
            events.accept("registered " + programId + " from host " + host + " (registration " + id + ")");
            try {
                while (true) {
                    byte[] payload = read();
                    lastHeard = System.nanoTime();
                    if (NiFrames.isPing(payload)) {
                        write(NiFrames.pong());
                    } else if (!NiFrames.isPong(payload) && payload.length > 0) {
                        handle(AppcRecord.decode(payload));
                    }
                }
            } finally {
                registrations.remove(this);
                exchanges.values().forEach(reply -> reply.end(false));
                events.accept("registration " + id + " of " + programId + " ended");
                synchronized (armed) {
                    armed.notifyAll();
                }
            }
        }

        private void handle(AppcRecord record) {
            AppcFunction function = record.header().appcFunction();
            if (function == AppcFunction.F_SAP_ACCPTP || function == AppcFunction.F_SAP_UNREGTP) {
                state = RegistrationState.WAITING;
                synchronized (armed) {
                    armed.notifyAll();
                }
            } else if (function == AppcFunction.F_ASEND_DATA || function == AppcFunction.F_SEND_DATA) {
                PendingReply reply = exchanges.get(record.header().conversationId());
                if (reply != null) {
                    reply.add(record.data());
                }
            } else if (function == AppcFunction.F_DEALLOCATE) {
                PendingReply reply = exchanges.get(record.header().conversationId());
                if (reply != null) {
                    reply.end(true);                 // replies for no waiting call (a timed-out one) are dropped
                }
            }
        }

        byte[] read() throws IOException {
            synchronized (readingPaused) {
                while (readingPaused[0] && !socket.isClosed()) {
                    try {
                        readingPaused.wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new SocketException("interrupted");
                    }
                }
            }
            byte[] payload = NiFrames.read(in, limits.maxRecordBytes());
            if (payload == null) {
                throw new SocketException("closed");
            }
            return payload;
        }

        /** Writes the records and flushes once, so the program reads them in one wake-up. */
        void write(byte[]... payloads) throws IOException {
            synchronized (out) {
                for (byte[] payload : payloads) {
                    NiFrames.write(out, payload, 0, payload.length);
                }
                out.flush();
            }
        }

        void close() {
            closeQuietly(socket);
        }
    }

    /** A calling system's conversation. */
    private final class ClientConversation {
        final int id = ids.incrementAndGet();
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final String peer;
        final AtomicLong calls = new AtomicLong();
        volatile String programId = "";
        String conversationId = AppcHeader.NO_CONVERSATION;
        int connectionIndex;

        ClientConversation(Socket socket, InputStream in, OutputStream out) {
            this.socket = socket;
            this.in = in;
            this.out = out;
            this.peer = String.valueOf(socket.getRemoteSocketAddress());
        }

        void run(GatewayRecord normalClient) throws IOException {
            clients.add(this);
            try {
                send(out, normalClient.gatewayReply().encode());
                AppcMessageAssembler assembler = new AppcMessageAssembler(limits.maxMessageBytes());
                while (true) {
                    byte[] payload = NiFrames.read(in, limits.maxRecordBytes());
                    if (payload == null) {
                        return;
                    }
                    if (NiFrames.isPing(payload)) {
                        send(out, NiFrames.pong());
                        continue;
                    }
                    if (NiFrames.isPong(payload) || payload.length == 0) {
                        continue;
                    }
                    AppcRecord record = AppcRecord.decode(payload);
                    AppcFunction function = record.header().appcFunction();
                    if (function == null) {
                        throw new RfcProtocolException("unknown APPC function " + record.header().function(), 1);
                    }
                    switch (function) {
                        case F_INITIALIZE_CONVERSATION: {
                            programId = Bytes.trimmed(InitializeParameters.decode(record.parameters(), 0).longTpName());
                            conversationId = Long.toString(conversations.incrementAndGet());
                            connectionIndex = id & 0xfff;
                            send(out, ClientConversationRecords.initializeReply(record.header(), conversationId,
                                    connectionIndex).encode());
                            break;
                        }
                        case F_SET_PARTNER_LU_NAME:
                            break;                                        // no reply (2026 §1.11)
                        case F_ALLOCATE:
                            if (registered(programId)) {
                                send(out, ClientConversationRecords.allocateReply(record.header()).encode());
                            } else {
                                refuse(record.header(), notRegistered());
                            }
                            break;
                        case F_DEALLOCATE:
                            // the caller may open its next conversation on the same connection
                            programId = "";
                            conversationId = AppcHeader.NO_CONVERSATION;
                            assembler = new AppcMessageAssembler(limits.maxMessageBytes());
                            break;
                        default:
                            if (AppcDataMessages.isBarrier(record)) {
                                send(out, AppcDataMessages.acknowledgement(record).encode());
                            }
                            if (assembler.add(record)) {
                                relay(record.header(), assembler.message());
                            }
                    }
                }
            } finally {
                clients.remove(this);
            }
        }

        private void relay(AppcHeader request, byte[] chain) throws IOException {
            calls.incrementAndGet();
            String function = functionName(chain);
            // a reply passes on while it arrives, unless a fault to inject needs it whole
            ReplyRelay passOn = dropNextReply.get() || !replyDelay.isZero() ? null
                    : new ReplyRelay(out, conversationId, connectionIndex);
            try {
                byte[] reply = dispatch(programId, chain, function, passOn);
                if (passOn != null) {
                    passOn.finish();
                    return;
                }
                if (reply == null) {
                    return;                                              // dropped by fault injection
                }
                for (AppcRecord record : ClientConversationRecords.incomingData(conversationId, reply, connectionIndex)) {
                    send(out, record.encode());
                }
            } catch (GatewayRefusal refusal) {
                refuse(request, refusal);
            }
        }

        private GatewayRefusal notRegistered() {
            return new GatewayRefusal(AppcReturnCode.CM_ALLOCATE_FAILURE_RETRY, RC_NOT_REGISTERED,
                    "program " + programId + " is not registered");
        }

        private void refuse(AppcHeader request, GatewayRefusal refusal) throws IOException {
            events.accept("refused a call from " + peer + " to " + programId + ": " + refusal.getMessage()
                    + " (rc " + refusal.sapReturnCode + ")");
            AppcHeader header = request.copy().appcReturnCode(refusal.appcReturnCode.code())
                    .sapReturnCode(refusal.sapReturnCode).conversationId(conversationId);
            send(out, AppcRecord.withError(header, GatewayErrorBlock.of(refusal.getMessage(), refusal.sapReturnCode,
                    "localhost", "sapgw" + (port % 100 < 10 ? "0" : "") + port % 100).encode()).encode());
        }
    }

    private String functionName(byte[] chain) {
        try {
            return serializer.decoder().functionName(chain, 0, chain.length);
        } catch (RfcProtocolException e) {
            return "?";
        }
    }

    private boolean registered(String programId) {
        for (Registration r : registrations) {
            if (programId.equals(r.programId)) {
                return true;
            }
        }
        return false;
    }

    /** Takes a waiting registration of the Program ID, round robin; waits up to the busy wait. */
    private Registration acquire(String programId) throws GatewayRefusal {
        long deadline = System.nanoTime() + settings.busyWait().toNanos();
        synchronized (armed) {
            while (true) {
                List<Registration> candidates = new ArrayList<>();
                for (Registration r : registrations) {
                    if (programId.equals(r.programId)) {
                        candidates.add(r);
                    }
                }
                if (candidates.isEmpty()) {
                    throw new GatewayRefusal(AppcReturnCode.CM_ALLOCATE_FAILURE_RETRY, RC_NOT_REGISTERED,
                            "program " + programId + " is not registered");
                }
                int start = Math.floorMod(roundRobin.getAndIncrement(), candidates.size());
                for (int i = 0; i < candidates.size(); i++) {
                    Registration r = candidates.get((start + i) % candidates.size());
                    if (r.state == RegistrationState.WAITING) {
                        r.state = RegistrationState.BUSY;
                        return r;
                    }
                }
                long wait = deadline - System.nanoTime();
                if (wait <= 0) {
                    throw new GatewayRefusal(AppcReturnCode.CM_ALLOCATE_FAILURE_RETRY, 0, "all " + candidates.size()
                            + " registrations of program " + programId + " stayed busy for "
                            + settings.busyWait().toMillis() + " ms");
                }
                try {
                    armed.wait(Math.max(1, wait / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new GatewayRefusal(AppcReturnCode.CM_RESOURCE_FAILURE_RETRY, 0, "the gateway is stopping");
                }
            }
        }
    }

    /**
     * Relays a call to a registration of the Program ID and waits for its reply: gathered and returned
     * ({@code null} if dropped by fault injection), or, with {@code passOn}, passed on to the caller as it
     * arrives (the last record held back for the caller's thread; {@code null} is returned then).
     */
    private byte[] dispatch(String programId, byte[] chain, String function, ReplyRelay passOn)
            throws GatewayRefusal, IOException {
        Registration r = acquire(programId);
        String conversation = Long.toString(conversations.incrementAndGet());
        PendingReply replies = new PendingReply(passOn);
        r.exchanges.put(conversation, replies);
        try {
            return exchange(r, programId, conversation, replies, chain, function);
        } finally {
            r.exchanges.remove(conversation);
        }
    }

    private byte[] exchange(Registration r, String programId, String conversation, PendingReply replies,
                            byte[] chain, String function) throws GatewayRefusal, IOException {
        byte[] relayed = chain;
        if (corruptNextFrame.compareAndSet(true, false)) {
            relayed = chain.clone();
            relayed[Math.min(2, relayed.length - 1)] ^= 0x5a;
            relayed[relayed.length - 1] ^= 0x5a;
        }
        List<byte[]> records = new ArrayList<>();
        records.add(RegistrationRecords.callArrives(conversation).encode());
        for (int offset = 0; offset < relayed.length || offset == 0; offset += AppcRecord.MAX_CHUNK) {
            int length = Math.min(AppcRecord.MAX_CHUNK, relayed.length - offset);
            boolean last = offset + length >= relayed.length;
            records.add(RegistrationRecords.relayedCall(conversation, relayed, offset, length, offset == 0, last).encode());
            if (last) {
                break;
            }
        }
        try {
            r.write(records.toArray(new byte[0][]));
        } catch (IOException e) {
            r.close();
            throw new GatewayRefusal(AppcReturnCode.CM_DEALLOCATED_ABEND, 0, "connection to program " + programId
                    + " broke while relaying the call");
        }
        Boolean complete;
        try {
            complete = replies.outcome.poll(settings.callTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayRefusal(AppcReturnCode.CM_RESOURCE_FAILURE_RETRY, 0, "the gateway is stopping");
        }
        if (complete == null) {
            r.close();
            throw new GatewayRefusal(AppcReturnCode.CM_RESOURCE_FAILURE_RETRY, 0, "program " + programId
                    + " did not answer " + function + " within " + settings.callTimeout().toMillis() + " ms");
        }
        if (!complete) {
            throw new GatewayRefusal(AppcReturnCode.CM_DEALLOCATED_ABEND, 0, "connection to program " + programId
                    + " closed during " + function);
        }
        if (replies.tooLarge) {
            r.close();
            throw new GatewayRefusal(AppcReturnCode.CM_PRODUCT_SPECIFIC_ERROR, 0, "the reply of program "
                    + programId + " exceeds " + limits.maxMessageBytes() + " bytes");
        }
        r.calls.incrementAndGet();
        events.accept("call " + function + " to " + programId + " served by registration " + r.id);
        if (replies.passOn != null) {
            return null;
        }
        if (dropNextReply.compareAndSet(true, false)) {
            events.accept("dropped the reply of " + function + " (fault injection)");
            return null;
        }
        Duration delay = replyDelay;
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return replies.data();
    }

    /**
     * Passes a reply's records on to the caller as the registration's reader receives them, as a gateway
     * relays a large reply without holding it. The newest record is held back: only F_DEALLOCATE tells
     * that it was the last, which its record must say; the caller's thread sends it with {@link #finish()}.
     * So a reply of one record still wakes the caller once. A caller that went away loses the rest.
     */
    private static final class ReplyRelay {
        private final OutputStream out;
        private final String conversationId;
        private final int connectionIndex;
        private byte[] held;
        private int number;
        private IOException broken;

        ReplyRelay(OutputStream out, String conversationId, int connectionIndex) {
            this.out = out;
            this.conversationId = conversationId;
            this.connectionIndex = connectionIndex;
        }

        synchronized void add(byte[] data) {
            for (int offset = 0; offset < data.length; offset += AppcRecord.MAX_CHUNK) {
                if (held != null) {
                    write(held, false);
                }
                held = data.length <= AppcRecord.MAX_CHUNK ? data
                        : Arrays.copyOfRange(data, offset, Math.min(data.length, offset + AppcRecord.MAX_CHUNK));
            }
        }

        /** Sends the held record as the last one. */
        synchronized void finish() throws IOException {
            write(held == null ? new byte[0] : held, true);
            if (broken != null) {
                throw broken;
            }
        }

        private void write(byte[] chunk, boolean last) {
            if (broken != null) {
                return;
            }
            try {
                send(out, ClientConversationRecords.incomingRecord(conversationId, chunk, number++, last, connectionIndex)
                        .encode());
            } catch (IOException e) {
                broken = e;
            }
        }
    }

    /**
     * The reply of one relayed call, gathered by the registration's reader until the program deallocates
     * (or passed on, see {@link ReplyRelay}), so the waiting caller wakes once per call, not once per record.
     */
    private final class PendingReply {
        /** The records' data as received, joined once at the end: a reply of hundreds of MB is not copied as it grows. */
        final List<byte[]> parts = new ArrayList<>();
        long size;
        final BlockingQueue<Boolean> outcome = new ArrayBlockingQueue<>(1);
        boolean tooLarge;
        /** Passes the records on instead of gathering them, or {@code null}. */
        final ReplyRelay passOn;

        PendingReply(ReplyRelay passOn) {
            this.passOn = passOn;
        }

        void add(byte[] record) {
            if (passOn != null) {
                passOn.add(record);
                return;
            }
            if (tooLarge || size + record.length > limits.maxMessageBytes()) {
                tooLarge = true;                     // bounded: the rest is not kept
                parts.clear();
            } else {
                parts.add(record);
                size += record.length;
            }
        }

        byte[] data() {
            return Bytes.join(parts, size);
        }

        /** Complete (deallocated by the program) or not (its connection closed). */
        void end(boolean complete) {
            outcome.offer(complete);
        }
    }

    private void pingIdleRegistrations() {
        long silentLimit = 2 * settings.keepAlive().toNanos();
        for (Registration r : registrations) {
            if (r.state != RegistrationState.WAITING) {
                continue;
            }
            if (System.nanoTime() - r.lastHeard > silentLimit) {
                events.accept("dropped registration " + r.id + " of " + r.programId
                        + ": it has not answered PING messages (rc " + RC_PING_NOT_ANSWERED + ")");
                r.close();
                continue;
            }
            try {
                r.write(NiFrames.ping());
            } catch (IOException e) {
                r.close();
            }
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
    }
}
