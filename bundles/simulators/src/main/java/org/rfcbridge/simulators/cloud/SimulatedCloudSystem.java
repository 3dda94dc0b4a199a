package org.rfcbridge.simulators.cloud;

import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.simulators.tls.CertificateAuthority;
import org.rfcbridge.simulators.tls.IssuedCertificate;

/**
 * A simulated cloud ABAP system: a WebSocket RFC server over TLS on {@code 127.0.0.1}, path
 * {@code /sap/bc/rfc}, subprotocol {@code rfc.sap.com}, with certificates made at start (its CA is
 * {@link #caPem()}), communication users with alias users, and an allowlist of functions as a
 * communication arrangement would have.
 */
public final class SimulatedCloudSystem implements AutoCloseable {
    /** The path of the WebSocket RFC service. */
    public static final String PATH = "/sap/bc/rfc";
    /** The subprotocol a client asks for (reverse engineered, {@code protocol-wsrfc-2026.md} §1.3). */
    public static final String SUBPROTOCOL = "rfc.sap.com";
    /** Metadata functions SAP_COM_0636 allows, plus the samples. */
    public static final Set<String> DEFAULT_ALLOWED = Set.of("RFC_PING", "RFCPING", "RFC_GET_FUNCTION_INTERFACE",
            "DDIF_FIELDINFO_GET", "RFC_METADATA_GET", "STFC_CONNECTION", "STFC_CHANGING", "STFC_STRUCTURE",
            "BAPI_FLIGHT_GETLIST", "Z_RFCBRIDGE_READ_ROWS", "Z_RFCBRIDGE_RAISE", "Z_RFCBRIDGE_SLEEP",
            "Z_RFCBRIDGE_WIDE", "Z_RFCBRIDGE_WRITE_ROWS");

    private final Server server;
    private final CertificateAuthority ca;
    private final String systemId;
    private volatile TableCompression tableCompression = TableCompression.LZH;
    private final Map<String, CommunicationUser> users = new ConcurrentHashMap<>();
    private final Set<String> allowed = ConcurrentHashMap.newKeySet();
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean corruptNextReply = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicReference<ReplyFraming> nextFraming =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * How the next reply leaves, for tests of hostile or unusual peers: the real reply as one message in frames
     * of the given size (a real cloud may send a large reply so), or, when endless, a message that never ends
     * (a hostile peer): a response start, an item header announcing {@code announcedItemBytes} when positive,
     * then frames of zeros (empty items of id 0 where no item is announced) until the client closes the
     * session or {@link #ENDLESS_BYTES} are sent.
     */
    record ReplyFraming(int frameBytes, boolean endless, long announcedItemBytes) {
    }

    /** The most an endless reply sends before it gives up. */
    static final long ENDLESS_BYTES = 1L << 30;

    private SimulatedCloudSystem(Server server, CertificateAuthority ca, String systemId) {
        this.server = server;
        this.ca = ca;
        this.systemId = systemId;
    }

    /**
     * Starts a cloud system.
     *
     * @param port   TCP port on 127.0.0.1, 0 for any free one
     * @param hosts  names and addresses its certificate is issued for, e.g. {@code localhost}, {@code 127.0.0.1}
     * @param events one line per logon, call and refusal
     */
    public static SimulatedCloudSystem start(int port, List<String> hosts, String systemId, ProtocolLimits limits,
                                             Consumer<String> events) throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("Simulated Cloud CA", Duration.ofDays(365));
        return start(port, ca, ca.issue(hosts, Duration.ofDays(90)), systemId, limits, events);
    }

    /**
     * Starts a cloud system with a given server certificate (an expired one, say).
     *
     * @param ca          the CA that issued {@code certificate}, reported by {@link #caPem()}
     * @param certificate the server certificate and key
     */
    public static SimulatedCloudSystem start(int port, CertificateAuthority ca, IssuedCertificate certificate,
                                             String systemId, ProtocolLimits limits, Consumer<String> events)
            throws Exception {
        Server server = new Server();
        SimulatedCloudSystem system = new SimulatedCloudSystem(server, ca, systemId);
        system.users.put(CommunicationUser.TUTORIAL.alias().toUpperCase(), CommunicationUser.TUTORIAL);
        system.allowed.addAll(DEFAULT_ALLOWED);
        SslContextFactory.Server tls = new SslContextFactory.Server();
        char[] password = "simulated".toCharArray();
        tls.setKeyStore(certificate.keyStore("cloud", password));
        tls.setKeyStorePassword(new String(password));
        // a client certificate is asked for (X.509 logon) but not required; TLS accepts only one this CA issued
        tls.setWantClientAuth(true);
        KeyStore clientCas = KeyStore.getInstance(KeyStore.getDefaultType());
        clientCas.load(null, null);
        clientCas.setCertificateEntry("ca", ca.certificate());
        tls.setTrustStore(clientCas);
        HttpConfiguration http = new HttpConfiguration();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, tls, new HttpConnectionFactory(http));
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(port);
        server.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(server, context, container -> {
            container.setMaxBinaryMessageSize(limits.maxMessageBytes());
            container.addMapping(PATH, (request, response, callback) -> {
                if (!request.getSubProtocols().contains(SUBPROTOCOL)) {
                    return null;                              // refused: 404 for an unknown protocol
                }
                response.setAcceptedSubProtocol(SUBPROTOCOL);
                EndPoint.SslSessionData ssl = (EndPoint.SslSessionData) request.getAttribute(
                        EndPoint.SslSessionData.ATTRIBUTE);
                return new CloudSession(system, limits, events, system.certificateUser(ssl == null ? null
                        : ssl.peerCertificates()));
            });
        });
        context.setHandler(upgrade);
        server.setHandler(context);
        server.start();
        return system;
    }

    /** The port it listens on. */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Its CA certificate in PEM: what an administrator puts into {@code etc/trust}. */
    public String caPem() throws GeneralSecurityException {
        return ca.certificatePem();
    }

    /**
     * Issues a client certificate for the X.509 logon of a communication user (common name = the
     * user or its alias), as a cloud system's communication user maintenance maps a certificate.
     */
    public IssuedCertificate issueClientCertificate(String user) throws GeneralSecurityException {
        return ca.issue(List.of(user), Duration.ofDays(30));
    }

    /** Its system ID. */
    public String systemId() {
        return systemId;
    }

    /** Adds a communication user. */
    public void addUser(CommunicationUser user) {
        users.put(user.alias().toUpperCase(), user);
    }

    /** Allows a function for every user (the communication arrangement's list). */
    public void allow(String function) {
        allowed.add(function);
    }

    /** Removes a function from the allowed list. */
    public void refuse(String function) {
        allowed.remove(function);
    }

    /**
     * Breaks every open WebSocket session without a close handshake, as a network failure or a
     * restarting system does; calls in flight get no answer.
     *
     * @return how many sessions were dropped
     */
    public int dropSessions() {
        int dropped = 0;
        for (Session session : sessions) {
            session.disconnect();
            dropped++;
        }
        return dropped;
    }

    /**
     * How the tables of its replies are written: by default every table from 8,193 bytes compressed with LZH,
     * as SAP's systems send them; LZC or none for tests that need the other forms.
     */
    public void compressTables(TableCompression compression) {
        this.tableCompression = compression;
    }

    /** How the tables of replies are written now. */
    TableCompression tableCompression() {
        return tableCompression;
    }

    /** Damages the next reply (its item chain), as a broken network or a faulty system would. */
    public void corruptNextReply() {
        corruptNextReply.set(true);
    }

    /** True once for the reply to damage after {@link #corruptNextReply()}. */
    boolean takeCorruption() {
        return corruptNextReply.compareAndSet(true, false);
    }

    /** Sends the next reply as one WebSocket message in frames of {@code frameBytes}. */
    public void fragmentNextReply(int frameBytes) {
        nextFraming.set(new ReplyFraming(frameBytes, false, 0));
    }

    /**
     * Answers the next call with one message that never ends: a response start, an item header announcing
     * {@code announcedItemBytes} (none when 0), then 1 MiB frames of zeros until the client closes the session.
     */
    public void sendEndlessReplyNext(long announcedItemBytes) {
        nextFraming.set(new ReplyFraming(1 << 20, true, announcedItemBytes));
    }

    /** The framing the next reply asks for, once, or null. */
    ReplyFraming takeFraming() {
        return nextFraming.getAndSet(null);
    }

    /** How many WebSocket sessions are open now. */
    public int openSessions() {
        return sessions.size();
    }

    void opened(Session session) {
        sessions.add(session);
    }

    void closed(Session session) {
        sessions.remove(session);
    }

    /**
     * The communication user a TLS client certificate logs on (SAP's X.509 logon): the handshake has
     * checked that this system's CA issued it; its common name is the user or its alias. {@code null}
     * for no certificate.
     */
    CommunicationUser certificateUser(X509Certificate[] chain) {
        if (chain == null || chain.length == 0) {
            return null;
        }
        String subject = chain[0].getSubjectX500Principal().getName();
        return subject.startsWith("CN=") ? user(subject.substring(3).split(",")[0]) : null;
    }

    CommunicationUser user(String name) {
        for (CommunicationUser user : users.values()) {
            if (user.named(name)) {
                return user;
            }
        }
        return null;
    }

    boolean allows(String function) {
        return allowed.contains(function);
    }

    @Override
    public void close() throws IOException {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IOException("stopping the simulated cloud system: " + e.getMessage(), e);
        }
    }
}
