package org.rfcbridge.simulators.onprem;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.rfcbridge.protocol.appc.AppcFunction;
import org.rfcbridge.protocol.appc.AppcHeader;
import org.rfcbridge.protocol.appc.AppcRecord;
import org.rfcbridge.protocol.appc.AppcReturnCode;
import org.rfcbridge.protocol.gateway.GatewayErrorBlock;
import org.rfcbridge.protocol.gateway.GatewayRecord;
import org.rfcbridge.protocol.ni.NiFrames;
import org.rfcbridge.protocol.registration.RegistrationRecords;
import org.rfcbridge.simulators.onprem.SimulatedGateway.RegistrationState;

/** A registered server program's connection to the simulated gateway: registration, keep-alive, its replies. */
final class GatewayRegistration {
    private final SimulatedGateway gateway;
    final int id;
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

    GatewayRegistration(SimulatedGateway gateway, Socket socket, InputStream in, OutputStream out) {
        this.gateway = gateway;
        this.id = gateway.ids.incrementAndGet();
        this.socket = socket;
        this.in = in;
        this.out = out;
    }

    void run(GatewayRecord register) throws IOException {
        write(register.gatewayReply().encode());
        RegistrationRecords.HostAndProgram who = RegistrationRecords.readHostBlock(read());
        boolean local = socket.getInetAddress().isLoopbackAddress();
        if (gateway.refuseRegistrations || !gateway.reginfo.allows(who.programId(), who.host(), local)) {
            String text = "registration of TP " + who.programId() + " from host " + who.host() + " not allowed";
            gateway.events.accept("refused: " + text + " (rc " + SimulatedGateway.RC_REGISTRATION_NOT_ALLOWED + ")");
            AppcHeader header = new AppcHeader(AppcFunction.F_SAP_ACCPTP)
                    .protocol(RegistrationRecords.PROTOCOL_REGISTERED)
                    .appcReturnCode(AppcReturnCode.CM_ALLOCATE_FAILURE_NO_RETRY.code())
                    .sapReturnCode(SimulatedGateway.RC_REGISTRATION_NOT_ALLOWED);
            write(AppcRecord.withError(header, GatewayErrorBlock.of(text, SimulatedGateway.RC_REGISTRATION_NOT_ALLOWED, "localhost",
                    "sapgw").encode()).encode());
            return;
        }
        host = who.host();
        programId = who.programId();
        gateway.registrations.add(this);
        gateway.events.accept("registered " + programId + " from host " + host + " (registration " + id + ")");
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
            gateway.registrations.remove(this);
            exchanges.values().forEach(reply -> reply.end(false));
            gateway.events.accept("registration " + id + " of " + programId + " ended");
            synchronized (gateway.armed) {
                gateway.armed.notifyAll();
            }
        }
    }

    private void handle(AppcRecord record) {
        AppcFunction function = record.header().appcFunction();
        if (function == AppcFunction.F_SAP_ACCPTP || function == AppcFunction.F_SAP_UNREGTP) {
            state = RegistrationState.WAITING;
            synchronized (gateway.armed) {
                gateway.armed.notifyAll();
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
        synchronized (gateway.readingPaused) {
            while (gateway.readingPaused[0] && !socket.isClosed()) {
                try {
                    gateway.readingPaused.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SocketException("interrupted");
                }
            }
        }
        byte[] payload = NiFrames.read(in, gateway.limits.maxRecordBytes());
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
        SimulatedGateway.closeQuietly(socket);
    }

    /** Closes with a reset instead of the orderly end, so that the other side's next write fails. */
    void reset() {
        try {
            socket.setSoLinger(true, 0);
        } catch (java.net.SocketException e) {
            // already closed: nothing to reset
        }
        close();
    }
}
