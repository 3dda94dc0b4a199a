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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.appc.AppcReturnCode;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.gateway.GatewayRecord;
import org.rfcbridge.protocol.gateway.GatewayRequestType;
import org.rfcbridge.protocol.ni.NiFrames;

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

    final Settings settings;
    final Consumer<String> events;
    final ProtocolLimits limits;
    final ClassicSerializer serializer;
    volatile Reginfo reginfo;
    private volatile ServerSocket server;
    volatile int port;
    final List<GatewayRegistration> registrations = new CopyOnWriteArrayList<>();
    final Set<GatewayClientConversation> clients = ConcurrentHashMap.newKeySet();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    final Object armed = new Object();
    final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger roundRobin = new AtomicInteger();
    final AtomicLong conversations = new AtomicLong(40_000_000);
    private final ScheduledExecutorService keepAlive;
    final CallRelay callRelay = new CallRelay(this);
    volatile Duration replyDelay = Duration.ZERO;
    final boolean[] readingPaused = {false};
    final AtomicBoolean dropNextReply = new AtomicBoolean();
    final AtomicBoolean corruptNextFrame = new AtomicBoolean();
    volatile boolean refuseRegistrations;

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
        for (GatewayRegistration r : registrations) {
            if (r.programId != null) {
                list.add(new RegistrationInfo(r.id, r.programId, r.host, r.state, r.calls.get()));
            }
        }
        return list;
    }

    /** The open client conversations now (not the callers' idle connections between conversations). */
    public List<ConnectionInfo> connections() {
        List<ConnectionInfo> list = new ArrayList<>();
        for (GatewayClientConversation c : clients) {
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
        return onRegistration(programId, GatewayRegistration::close);
    }

    /**
     * Resets one registration of a Program ID (a TCP reset, as a crashed gateway or a firewall leaves a
     * connection): the registered program's next write to it fails. False if none is registered.
     */
    public boolean resetRegistration(String programId) {
        return onRegistration(programId, GatewayRegistration::reset);
    }

    /** Does {@code action} to one registration of the Program ID; false if none is registered. */
    private boolean onRegistration(String programId, Consumer<GatewayRegistration> action) {
        for (GatewayRegistration r : registrations) {
            if (programId.equals(r.programId)) {
                action.accept(r);
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
            return callRelay.dispatch(programId, chain, functionName(chain), null);
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
                new GatewayRegistration(this, socket, in, out).run(record);
            } else if (record.type() == GatewayRequestType.GW_NORMAL_CLIENT) {
                new GatewayClientConversation(this, socket, in, out).run(record);
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

    static void send(OutputStream out, byte[] payload) throws IOException {
        NiFrames.write(out, payload, 0, payload.length);
        out.flush();
    }

    String functionName(byte[] chain) {
        try {
            return serializer.decoder().functionName(chain, 0, chain.length);
        } catch (RfcProtocolException e) {
            return "?";
        }
    }

    boolean registered(String programId) {
        for (GatewayRegistration r : registrations) {
            if (programId.equals(r.programId)) {
                return true;
            }
        }
        return false;
    }

    /** Takes a waiting registration of the Program ID, round robin; waits up to the busy wait. */
    GatewayRegistration acquire(String programId) throws GatewayRefusal {
        long deadline = System.nanoTime() + settings.busyWait().toNanos();
        synchronized (armed) {
            while (true) {
                List<GatewayRegistration> candidates = new ArrayList<>();
                for (GatewayRegistration r : registrations) {
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
                    GatewayRegistration r = candidates.get((start + i) % candidates.size());
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

    private void pingIdleRegistrations() {
        long silentLimit = 2 * settings.keepAlive().toNanos();
        for (GatewayRegistration r : registrations) {
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

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
    }
}
