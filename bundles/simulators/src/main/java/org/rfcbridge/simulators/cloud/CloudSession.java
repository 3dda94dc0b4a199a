package org.rfcbridge.simulators.cloud;

import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.rfcbridge.api.AbapException;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.classic.ClassicEncoder;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.classic.ErrorEnvelope;
import org.rfcbridge.protocol.classic.ResponseOptions;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.item.ItemWriter;
import org.rfcbridge.protocol.wsrfc.WsRfcLogon;
import org.rfcbridge.protocol.wsrfc.WsRfcLogonReply;
import org.rfcbridge.protocol.wsrfc.WsRfcMessages;
import org.rfcbridge.simulators.samples.SampleFunctions;
import org.rfcbridge.simulators.samples.SampleImplementations;

/**
 * One WebSocket RFC session of the simulated cloud system: the LOGON first, then invokes. Like a real
 * server it answers a malformed message with silence ({@code protocol-wsrfc-2026.md} §2.4), a wrong
 * user, password or client with the logon error text, and a function outside the communication
 * arrangement with a SYSTEM_FAILURE. Public because Jetty calls listeners through method handles.
 */
public final class CloudSession implements Session.Listener.AutoDemanding {
    /**
     * Payload bytes per reply message. SAP's gateway cuts classic replies into 28,000-byte frames;
     * that WebSocket RFC uses the same size is an inference ({@code protocol-wsrfc-2026.md} §5.1).
     */
    static final int MESSAGE_BYTES = 28_000;

    private final SimulatedCloudSystem system;
    private final ClassicSerializer serializer;
    private final ProtocolLimits limits;
    private final Consumer<String> events;
    private Session session;
    private WsRfcMessages message;
    private CommunicationUser user;
    private final CommunicationUser certificateUser;

    /**
     * @param certificateUser the user the TLS client certificate logs on, or {@code null}
     */
    CloudSession(SimulatedCloudSystem system, ProtocolLimits limits, Consumer<String> events,
                 CommunicationUser certificateUser) {
        this.system = system;
        this.certificateUser = certificateUser;
        this.limits = limits;
        this.events = events;
        this.serializer = new ClassicSerializer(limits);
        this.message = new WsRfcMessages(limits.maxMessageBytes());
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        this.session = opened;
        system.opened(opened);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        system.closed(session);
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        system.closed(session);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] bytes = BufferUtil.toArray(payload);
        callback.succeed();
        try {
            if (!message.add(bytes, 0, bytes.length)) {
                return;                                       // the rest of the request follows
            }
            byte[] chain = message.reply();
            message = new WsRfcMessages(limits.maxMessageBytes());
            byte[] reply = user == null ? logon(chain) : invoke(chain);
            if (reply != null) {
                send(reply);
            }
        } catch (RfcProtocolException e) {
            // a real server stays silent on a malformed frame; the client's timeout names the problem
            events.accept("cloud: ignored a malformed message: " + e.getMessage());
            message = new WsRfcMessages(limits.maxMessageBytes());
        }
    }

    /**
     * Sends a reply cut into messages of {@link #MESSAGE_BYTES}, as SAP cuts long replies (the client
     * joins them until the end item). Each send waits for the previous one, as Jetty requires.
     */
    private void send(byte[] reply) {
        if (system.takeCorruption() && reply.length > 2) {
            reply = reply.clone();
            reply[0] ^= 0x5a;                                   // the first item's id: no longer a known item
            reply[1] ^= 0x5a;
        }
        SimulatedCloudSystem.ReplyFraming framing = system.takeFraming();
        if (framing != null && framing.endless()) {
            sendEndless(framing);
            return;
        }
        int piece = framing == null ? MESSAGE_BYTES : framing.frameBytes();
        for (int offset = 0; offset < reply.length; offset += piece) {
            ByteBuffer part = ByteBuffer.wrap(reply, offset, Math.min(piece, reply.length - offset));
            boolean last = offset + piece >= reply.length;
            if (!sent(framing == null ? (Callback c) -> session.sendBinary(part, c)
                    : (Callback c) -> session.sendPartialBinary(part, last, c))) {
                return;
            }
        }
    }

    /** See {@link SimulatedCloudSystem#sendEndlessReplyNext}. */
    private void sendEndless(SimulatedCloudSystem.ReplyFraming framing) {
        long announced = framing.announcedItemBytes();
        byte[] head = announced > 0 ? new byte[] {0x05, 0x00, 0x00, 0x00, 0x05, 0x00, 0x02, 0x03, (byte) 0xff,
            (byte) 0xff, (byte) (announced >>> 24), (byte) (announced >>> 16), (byte) (announced >>> 8), (byte) announced}
            : new byte[] {0x05, 0x00, 0x00, 0x00, 0x05, 0x00};
        if (!sent(c -> session.sendPartialBinary(ByteBuffer.wrap(head), false, c))) {
            return;
        }
        byte[] zeros = new byte[framing.frameBytes()];
        for (long left = SimulatedCloudSystem.ENDLESS_BYTES; left > 0 && session.isOpen(); left -= zeros.length) {
            if (!sent(c -> session.sendPartialBinary(ByteBuffer.wrap(zeros), false, c))) {
                return;
            }
        }
    }

    /** Sends one frame or message and waits for it, as Jetty requires; false if it could not be sent. */
    private boolean sent(java.util.function.Consumer<Callback> send) {
        Callback.Completable done = new Callback.Completable();
        send.accept(done);
        try {
            done.get();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            events.accept("cloud: the reply could not be sent: " + e.getCause());
            return false;
        }
    }

    private byte[] logon(byte[] chain) throws RfcProtocolException {
        WsRfcLogon logon = WsRfcLogon.decode(chain, limits);
        CommunicationUser found = system.user(logon.user());
        boolean byCertificate = logon.password().isEmpty() && found != null && found.equals(certificateUser);
        if (found == null || !(byCertificate || found.password().equals(logon.password()))) {
            events.accept("cloud: refused the logon of user " + logon.user() + " (name or password)");
            return error("Name or password is incorrect (repeat logon)");
        }
        if (!found.client().equals(logon.client())) {
            events.accept("cloud: refused the logon of user " + logon.user() + " to client " + logon.client());
            return error("Client " + logon.client() + " is not available in this system");
        }
        user = found;
        events.accept("cloud: user " + logon.user() + " logged on to client " + logon.client()
                + (byCertificate ? " with a client certificate" : ""));
        return new WsRfcLogonReply(system.systemId(), "00", "cloud.simulated", "793", "758")
                .encodeAccepted(found.user(), found.client(), logon.language(), "SAPLSYSU", 100.0);
    }

    private static byte[] error(String text) {
        return new ItemWriter(256).item(ItemIds.RFC_HEADER, new byte[] {1, 1, 1, 1, 1, 1, 0, 0})
                .utf16(ItemIds.ERROR_TEXT, text).end().toByteArray();
    }

    private byte[] invoke(byte[] chain) throws RfcProtocolException {
        long start = System.nanoTime();
        String name = serializer.decoder().functionName(chain, 0, chain.length);
        try {
            FunctionMetadata lookup = RepositoryFunctions.METADATA.get(name);
            Function call = serializer.decoder().decodeRequest(chain, 0, chain.length, lookup != null ? lookup : offered(name));
            if (lookup != null) {
                RepositoryFunctions.execute(call);
            } else {
                SampleImplementations.execute(call, system.systemId());
            }
            events.accept("cloud: " + name + " for " + user.alias());
            return new ClassicEncoder(system.tableCompression()).encodeResponse(call, new ResponseOptions(null, "SAPL" + name.substring(0,
                    Math.min(4, name.length())), (System.nanoTime() - start) / 1000.0));
        } catch (AbapException e) {
            return ErrorEnvelope.encode(e);
        } catch (RfcException e) {
            events.accept("cloud: " + name + " failed: " + e.getMessage());
            return ErrorEnvelope.encode(e);
        }
    }

    /** A business function the user may call: allowed by the arrangement and offered by the system. */
    private FunctionMetadata offered(String name) throws SystemFailureException {
        if (!system.allows(name)) {
            throw new SystemFailureException("Function module " + name + " is not allowed for user " + user.alias()
                    + " by its communication arrangement", "CALL_FUNCTION_NO_AUTH", null);
        }
        FunctionMetadata metadata = SampleFunctions.all().get(name);
        if (metadata == null) {
            throw new SystemFailureException("Function module " + name + " not found", "CALL_FUNCTION_NOT_FOUND", null);
        }
        return metadata;
    }
}
