package org.rfcbridge.simulators.onprem;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.FunctionMetadata;
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
import org.rfcbridge.protocol.classic.LogonRequest;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.protocol.classic.LogonResponse;
import org.rfcbridge.protocol.gateway.AcceptInfo;
import org.rfcbridge.protocol.gateway.GatewayErrorBlock;
import org.rfcbridge.protocol.gateway.GatewayRecord;
import org.rfcbridge.protocol.gateway.GatewayRequestType;
import org.rfcbridge.protocol.ni.NiFrames;

/**
 * The calling on-prem ABAP system ("SM59"): type-T destinations by name, each a Program ID at a
 * gateway, and the caller's identity (system ID, client, user, language). It performs what
 * {@code CALL FUNCTION ... DESTINATION} does: one conversation through the gateway per call (on a gateway
 * connection kept open between calls, as a work process keeps its own), with the
 * caller's logon relayed ahead of the call so the registered program can route by sender.
 *
 * <p>The conversation follows the NW RFC SDK client of the captures ({@code protocol-cpic.md} §2.5):
 * GW_NORMAL_CLIENT, F_INITIALIZE_CONVERSATION naming the Program ID as TP, F_SET_PARTNER_LU_NAME,
 * F_ALLOCATE, data, F_DEALLOCATE. A real ABAP work process opens a type-T call with F_SAP_INIT
 * (0xca) instead, whose full layout is not public.
 */
public final class SimulatedAbapSystem {
    /**
     * Who calls.
     *
     * @param systemId the system ID, e.g. {@code YI3}
     * @param client   the client, e.g. {@code 000}
     * @param user     the calling user
     * @param language the logon language
     */
    public record Identity(String systemId, String client, String user, String language) {
    }

    /**
     * An SM59 destination of type T (registered server program).
     *
     * @param name        destination name, e.g. {@code MYDESTINATION_000}
     * @param gatewayHost gateway host
     * @param gatewayPort gateway port (3300 + system number)
     * @param programId   the registered server program's Program ID
     * @param assertionTicket the base64 assertion ticket sent with each call (SM59 "Send Assertion Ticket"),
     *                    or {@code null}: none
     */
    public record TypeTDestination(String name, String gatewayHost, int gatewayPort, String programId,
                                   String assertionTicket) {
        /** A destination that sends no assertion ticket. */
        public TypeTDestination(String name, String gatewayHost, int gatewayPort, String programId) {
            this(name, gatewayHost, gatewayPort, programId, null);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** SM59's connection test calls RFC_PING, which has no parameters. */
    private static final FunctionMetadata RFC_PING = FunctionMetadata.builder("RFC_PING").build();
    /** Gateway connections kept open between conversations, like the work processes' connections. */
    private static final int MAX_IDLE_LINKS = 16;
    private final Identity identity;
    private final Duration timeout;
    private final ProtocolLimits limits;
    private final ClassicSerializer serializer;
    private final Map<String, TypeTDestination> destinations = new ConcurrentHashMap<>();
    private final Deque<GatewayLink> idleLinks = new ConcurrentLinkedDeque<>();

    /**
     * A calling system with the given identity and the time it waits for any answer, which compresses the
     * tables it sends from 8,193 bytes with LZH, as SAP's systems do.
     */
    public SimulatedAbapSystem(Identity identity, Duration timeout, ProtocolLimits limits) {
        this(identity, timeout, limits, TableCompression.LZH);
    }

    /** A calling system that compresses the tables it sends as {@code compression} says. */
    public SimulatedAbapSystem(Identity identity, Duration timeout, ProtocolLimits limits,
                               TableCompression compression) {
        this.identity = identity;
        this.timeout = timeout;
        this.limits = limits;
        this.serializer = new ClassicSerializer(limits, compression);
    }

    /** Creates or replaces a destination (SM59: Create / Save). */
    public void addDestination(TypeTDestination destination) {
        destinations.put(destination.name(), destination);
    }

    /**
     * SM59's "Connection Test": logon with an embedded RFC_PING.
     *
     * @return the elapsed time
     */
    public Duration connectionTest(String destinationName) throws RfcException {
        TypeTDestination destination = destination(destinationName);
        long start = System.nanoTime();
        byte[] ping = serializer.encoder().encodeRequest(RFC_PING.newFunction());
        byte[] reply = converse(destination, logon(destination).encodeRelayed(ping, destination.assertionTicket()),
                "RFC_PING");
        try {
            LogonResponse.decode(reply, 0, reply.length, limits, describe(destination));
        } catch (RfcProtocolException e) {
            throw new SystemFailureException(describe(destination) + " answered the connection test with a malformed "
                    + "reply: " + e.getMessage(), e);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * {@code CALL FUNCTION ... DESTINATION}: sends the IMPORTING, CHANGING and TABLES values and takes
     * the EXPORTING, CHANGING and TABLES values of the reply, or throws the error it reports.
     */
    public void call(String destinationName, Function function) throws RfcException {
        TypeTDestination destination = destination(destinationName);
        open(destination, function.name()).call(function);
    }

    /**
     * The request chain this system sends for {@code function} to a destination, as the gateway relays it to
     * the registered program: the logon context in the relayed shape ({@link LogonRequest#encodeRelayed}),
     * then the call. Also for load that leaves this system out.
     */
    public byte[] requestChain(String destinationName, Function function) throws RfcException {
        TypeTDestination destination = destination(destinationName);
        return logon(destination).encodeRelayed(serializer.encoder().encodeRequest(function),
                destination.assertionTicket());
    }

    private TypeTDestination destination(String name) throws CommunicationFailureException {
        TypeTDestination destination = destinations.get(name);
        if (destination == null) {
            throw new CommunicationFailureException("Destination " + name + " does not exist (SM59)");
        }
        return destination;
    }

    private LogonRequest logon(TypeTDestination destination) {
        byte[] session = new byte[16];
        RANDOM.nextBytes(session);
        return new LogonRequest(identity.client(), identity.user(), null, identity.language(), session, "127.0.0.1",
                identity.systemId(), "onprem", destination.name(), "SAPLSRFC", "RFCPING", identity.systemId());
    }

    private static String describe(TypeTDestination d) {
        return "destination " + d.name() + " (program " + d.programId() + " at gateway " + d.gatewayHost() + ":"
                + d.gatewayPort() + ")";
    }

    /** One conversation: set-up, the chain, the reply chain, F_DEALLOCATE. */
    private byte[] converse(TypeTDestination destination, byte[] chain, String function) throws RfcException {
        return open(destination, function).exchange(chain, function);
    }

    /**
     * Opens a conversation to the destination's program (F_INITIALIZE_CONVERSATION,
     * F_SET_PARTNER_LU_NAME, F_ALLOCATE) on an idle gateway connection of this system, or on a new one.
     * The gateway answers these itself; the registered program sees the conversation only with its data.
     */
    public Conversation open(String destinationName) throws RfcException {
        return open(destination(destinationName), "the conversation set-up");
    }

    private Conversation open(TypeTDestination destination, String purpose) throws RfcException {
        GatewayLink reused = idleLinkTo(destination);
        if (reused != null) {
            try {
                return reused.allocate();
            } catch (IOException e) {
                // the gateway closed the idle connection (restart, timeout): nothing was sent, so open a new one
                reused.close();
            }
        }
        GatewayLink link = new GatewayLink(destination);
        try {
            link.connect();
            return link.allocate();
        } catch (IOException | RuntimeException e) {
            link.close();
            throw link.failure(e, purpose);
        }
    }

    /** Takes an idle connection to the destination's gateway, if one is kept. */
    private GatewayLink idleLinkTo(TypeTDestination destination) {
        for (GatewayLink link : idleLinks) {
            if (link.destination.equals(destination) && idleLinks.removeFirstOccurrence(link)) {
                return link;                                 // claimed: no other caller can take it now
            }
        }
        return null;
    }

    /**
     * Lets go of the gateway connections kept for the next conversations. A work process of a real
     * system keeps its gateway connection too; this is for callers that count sockets.
     */
    public void closeIdleConnections() {
        for (GatewayLink link = idleLinks.pollFirst(); link != null; link = idleLinks.pollFirst()) {
            link.close();
        }
    }

    /** An allocated conversation: one call, then F_DEALLOCATE. */
    public final class Conversation {
        private final GatewayLink link;
        private final String conversationId;
        private final int connectionIndex;

        private Conversation(GatewayLink link, String conversationId, int connectionIndex) {
            this.link = link;
            this.conversationId = conversationId;
            this.connectionIndex = connectionIndex;
        }

        /** {@link SimulatedAbapSystem#call} on this conversation, which it ends. */
        public void call(Function function) throws RfcException {
            TypeTDestination destination = link.destination;
            byte[] chain = requestChain(destination.name(), function);
            byte[] reply = exchange(chain, function.name());
            try {
                serializer.decoder().decodeResponse(reply, 0, reply.length, function, describe(destination));
            } catch (RfcProtocolException e) {
                throw new SystemFailureException(describe(destination) + " answered " + function.name()
                        + " with a malformed reply: " + e.getMessage(), e);
            }
        }

        private byte[] exchange(byte[] chain, String function) throws RfcException {
            String where = describe(link.destination);
            try {
                AppcHeader template = new AppcHeader(AppcFunction.F_SAP_SEND).protocol(2).conversationId(conversationId);
                for (AppcRecord record : AppcDataMessages.outgoing(template, chain, 0xffff, connectionIndex)) {
                    link.write(record.encode());
                    if (AppcDataMessages.isBarrier(record)) {
                        link.expect(where);
                    }
                }
                AppcMessageAssembler assembler = new AppcMessageAssembler(limits.maxMessageBytes());
                while (!assembler.add(link.expect(where))) {
                    // continuation records until the end of the message
                }
                byte[] reply = assembler.message();
                link.write(ClientConversationRecords.deallocate(conversationId).encode());
                link.release();
                return reply;
            } catch (IOException | RuntimeException e) {
                link.close();
                throw link.failure(e, function);
            } catch (RfcException e) {
                link.close();                        // a refused conversation leaves the link in no known state
                throw e;
            }
        }
    }

    /** One TCP connection of this system to a gateway, reused for conversation after conversation. */
    private final class GatewayLink {
        final TypeTDestination destination;
        private final Socket socket = new Socket();
        private InputStream in;
        private OutputStream out;

        GatewayLink(TypeTDestination destination) {
            this.destination = destination;
        }

        void connect() throws IOException {
            socket.connect(new InetSocketAddress(destination.gatewayHost(), destination.gatewayPort()),
                    (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 65536);
            out = new BufferedOutputStream(socket.getOutputStream(), 65536);
            GatewayRecord hello = new GatewayRecord(2, GatewayRequestType.GW_NORMAL_CLIENT.code(), new byte[] {127, 0, 0, 1},
                    new byte[4], "sapsim\0\0\0\0", "1100", new byte[5], 0x0e, "onprem", "sapsim", "        ", 6,
                    AcceptInfo.EINFO.bit() | AcceptInfo.PING.bit() | AcceptInfo.CONN_EINFO.bit()
                            | AcceptInfo.EXTINITOPT.bit() | AcceptInfo.GW_ACCEPT_DIST_TRACE.bit(), -1, null, 0, 0, 0);
            write(hello.encode());
            GatewayRecord.decode(read());
        }

        Conversation allocate() throws IOException, RfcException {
            String where = describe(destination);
            String program = destination.programId();
            String tp = program.length() > 8 ? program.substring(0, 8) : program;
            write(ClientConversationRecords.initialize(destination.name(), "onprem", tp,
                    ClientConversationRecords.REGISTERED_PROGRAM, InitializeParameters.client(identity.systemId() + "_"
                            + identity.client(), hex16(), hex16(), "127.0.0.1", identity.user(), program)).encode());
            try {
                AppcRecord initialized = expect(where);
                String conversation = initialized.header().conversationId();
                int connectionIndex = Bytes.u16(initialized.header().operationInfo(), 30);
                write(ClientConversationRecords.setPartnerLuName(conversation, destination.gatewayHost()).encode(),
                        ClientConversationRecords.allocate(conversation, destination.name(), "onprem", tp,
                                ClientConversationRecords.REGISTERED_PROGRAM, connectionIndex).encode());
                expect(where);
                return new Conversation(this, conversation, connectionIndex);
            } catch (RfcException refused) {
                close();                             // a refused conversation leaves the link in no known state
                throw refused;
            }
        }

        /** Keeps the connection for the next conversation, up to the bound; closes it beyond. */
        void release() {
            if (idleLinks.size() < MAX_IDLE_LINKS) {
                idleLinks.addFirst(this);
            } else {
                close();
            }
        }

        RfcException failure(Exception e, String function) {
            String where = describe(destination);
            if (e instanceof SocketTimeoutException) {
                return new CommunicationFailureException("Timeout: " + where + " did not answer " + function
                        + " within " + timeout.toMillis() + " ms", e);
            }
            if (e instanceof RfcProtocolException) {
                return new CommunicationFailureException("Malformed data from the gateway for " + where + ": "
                        + e.getMessage(), e);
            }
            return new CommunicationFailureException("Connection to " + where + " failed: " + e, e);
        }

        /** Reads the next APPC record, answering pings; a record with an error is the gateway's refusal. */
        AppcRecord expect(String where) throws IOException, RfcException {
            while (true) {
                byte[] payload = read();
                if (NiFrames.isPing(payload) || NiFrames.isPong(payload) || payload.length == 0) {
                    continue;
                }
                AppcRecord record = AppcRecord.decode(payload);
                AppcHeader h = record.header();
                if (h.appcReturnCode() != 0 || h.errorLength() > 0) {
                    String text = GatewayErrorBlock.isErrorBlock(record.errorText())
                            ? GatewayErrorBlock.decode(record.errorText()).message() : "no error text";
                    AppcReturnCode rc = AppcReturnCode.of(h.appcReturnCode());
                    throw new CommunicationFailureException("Gateway refused the call to " + where + ": " + text
                            + " (" + (rc == null ? "CPI-C rc " + h.appcReturnCode() : rc.name()) + ", SAP rc "
                            + h.sapReturnCode() + ")");
                }
                return record;
            }
        }

        private byte[] read() throws IOException {
            byte[] payload = NiFrames.read(in, limits.maxRecordBytes());
            if (payload == null) {
                throw new IOException("the gateway closed the connection");
            }
            return payload;
        }

        /** Writes the records and flushes once. */
        void write(byte[]... payloads) throws IOException {
            for (byte[] payload : payloads) {
                NiFrames.write(out, payload, 0, payload.length);
            }
            out.flush();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    private static String hex16() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            text.append(Character.toUpperCase(Character.forDigit(RANDOM.nextInt(16), 16)));
        }
        return text.toString();
    }
}
