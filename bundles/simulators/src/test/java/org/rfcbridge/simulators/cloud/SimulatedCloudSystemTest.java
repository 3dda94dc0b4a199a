package org.rfcbridge.simulators.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rfcbridge.api.AbapException;
import org.rfcbridge.api.LogonFailureException;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.FieldMetadata;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.api.metadata.ParameterMetadata;
import org.rfcbridge.api.metadata.RecordMetadata;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.protocol.ddic.FieldInfoRows;
import org.rfcbridge.protocol.ddic.FunctionInterfaceRows;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.item.ItemReader;
import org.rfcbridge.protocol.wsrfc.WsRfcLogon;
import org.rfcbridge.protocol.wsrfc.WsRfcLogonReply;
import org.rfcbridge.simulators.samples.SampleFunctions;

/** The simulated cloud system over real TLS with the real Jetty 12 WebSocket client. */
class SimulatedCloudSystemTest {
    private SimulatedCloudSystem cloud;
    private WebSocketClient client;
    private final ClassicSerializer serializer = new ClassicSerializer(ProtocolLimits.DEFAULT);

    /** Collects the binary messages a session receives. Public: Jetty calls it through method handles. */
    public static final class Inbox implements Session.Listener.AutoDemanding {
        final BlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            messages.add(BufferUtil.toArray(payload));
            callback.succeed();
        }
    }

    @BeforeEach
    void start() throws Exception {
        cloud = SimulatedCloudSystem.start(0, List.of("localhost", "127.0.0.1"), "CLD", ProtocolLimits.DEFAULT, e -> { });
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("cloud-ca", CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(cloud.caPem().getBytes())));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setSslContext(context);
        tls.setEndpointIdentificationAlgorithm("HTTPS");
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls);
        client = new WebSocketClient(new HttpClient(new org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP(connector)));
        client.start();
    }

    @AfterEach
    void stop() throws Exception {
        client.stop();
        cloud.close();
    }

    private Session open(Inbox inbox) throws Exception {
        ClientUpgradeRequest request = new ClientUpgradeRequest();
        request.setSubProtocols(SimulatedCloudSystem.SUBPROTOCOL);
        return client.connect(inbox, URI.create("wss://localhost:" + cloud.port() + SimulatedCloudSystem.PATH), request)
                .get(10, TimeUnit.SECONDS);
    }

    /** A session on which the tutorial's communication user has logged on. */
    private Session loggedOn(Inbox inbox) throws Exception {
        Session session = open(inbox);
        send(session, inbox, logon("BC_USER000", "PasswordForBC_USER000", "100").encode(7));
        return session;
    }

    private static byte[] send(Session session, Inbox inbox, byte[] message) throws Exception {
        session.sendBinary(ByteBuffer.wrap(message), Callback.NOOP);
        return inbox.messages.poll(5, TimeUnit.SECONDS);
    }

    private static WsRfcLogon logon(String user, String password, String client) {
        return new WsRfcLogon(client, user, password, "E", "127.0.0.1", "bridge", "Connection_to_Cloud", "RFCBRIDGE",
                null, "RFCPING");
    }

    @Test
    void theTutorialsAliasUserLogsOnAndCallsOverTls() throws Exception {
        Inbox inbox = new Inbox();
        Session session = open(inbox);
        assertEquals(SimulatedCloudSystem.SUBPROTOCOL, session.getUpgradeResponse().getAcceptedSubProtocol());
        byte[] reply = send(session, inbox, logon("BC_USER000", "PasswordForBC_USER000", "100").encode(42));
        assertEquals("CLD", WsRfcLogonReply.decode(reply, ProtocolLimits.DEFAULT, "cloud").systemId());

        Function call = SampleFunctions.STFC_CONNECTION.newFunction();
        call.imports().setValue("REQUTEXT", "over WebSocket RFC");
        byte[] result = send(session, inbox, serializer.encoder().encodeRequest(call));
        serializer.decoder().decodeResponse(result, 0, result.length, call, "cloud");
        assertEquals("over WebSocket RFC", call.exports().getString("ECHOTEXT"));
        assertTrue(call.exports().getString("RESPTEXT").contains("Sysid: CLD"));
        session.close();
    }

    @Test
    void wrongPasswordAliasOrClientIsRefusedWithTheServersText() throws Exception {
        for (WsRfcLogon wrong : new WsRfcLogon[] {logon("BC_USER000", "wrong", "100"), logon("NOBODY", "x", "100")}) {
            Inbox inbox = new Inbox();
            Session session = open(inbox);
            byte[] reply = send(session, inbox, wrong.encode(1));
            LogonFailureException e = assertThrows(LogonFailureException.class,
                    () -> WsRfcLogonReply.decode(reply, ProtocolLimits.DEFAULT, "Connection_to_Cloud"));
            assertEquals("Connection_to_Cloud refused the logon: Name or password is incorrect (repeat logon)", e.getMessage());
            session.close();
        }
        Inbox inbox = new Inbox();
        Session session = open(inbox);
        byte[] reply = send(session, inbox, logon("BC_USER000", "PasswordForBC_USER000", "200").encode(1));
        assertTrue(assertThrows(LogonFailureException.class, () -> WsRfcLogonReply.decode(reply, ProtocolLimits.DEFAULT,
                "cloud")).getMessage().contains("Client 200 is not available"));
    }

    @Test
    void aFunctionOutsideTheArrangementIsRefusedAndMalformedFramesGetSilence() throws Exception {
        Inbox inbox = new Inbox();
        Session session = loggedOn(inbox);
        cloud.refuse("STFC_CHANGING");
        Function call = SampleFunctions.STFC_CHANGING.newFunction();
        byte[] refused = send(session, inbox, serializer.encoder().encodeRequest(call));
        SystemFailureException e = assertThrows(SystemFailureException.class,
                () -> serializer.decoder().decodeResponse(refused, 0, refused.length, call, "cloud"));
        assertTrue(e.getMessage().contains("not allowed for user BC_USER000"), e.getMessage());
        session.sendBinary(ByteBuffer.wrap(new byte[] {0x05, 0x02, 0x00, 0x00, 0x77, 0x77, 1, 2, 3}), Callback.NOOP);
        session.sendBinary(ByteBuffer.wrap(new byte[] {(byte) 0xff, (byte) 0xff, 0, 0, (byte) 0xff, (byte) 0xff}),
                Callback.NOOP);
        assertNull(inbox.messages.poll(1, TimeUnit.SECONDS), "a real server stays silent on a malformed frame");
    }

    /** The cloud system is the repository server: a client reads STFC_STRUCTURE's interface from it. */
    @Test
    void repositoryLookUpsDescribeTheFunctionsTheSystemOffers() throws Exception {
        Inbox inbox = new Inbox();
        Session session = loggedOn(inbox);
        cloud.refuse("STFC_STRUCTURE");
        Function gfi = lookUp(session, inbox, FunctionInterfaceRows.RFC_GET_FUNCTION_INTERFACE, "FUNCNAME",
                "STFC_STRUCTURE");
        FunctionMetadata read = FunctionInterfaceRows.read("STFC_STRUCTURE", gfi.tables().getTable("PARAMS"),
                name -> FieldInfoRows.read(name, lookUp(session, inbox, FieldInfoRows.DDIF_FIELDINFO_GET, "TABNAME",
                        name).tables().getTable("DFIES_TAB")));
        assertEquals(SampleFunctions.STFC_STRUCTURE.parameters().size(), read.parameters().size());
        for (ParameterMetadata expected : SampleFunctions.STFC_STRUCTURE.parameters()) {
            ParameterMetadata actual = read.parameter(expected.name());
            assertEquals(expected.direction(), actual.direction(), expected.name());
            assertEquals(expected.type(), actual.type(), expected.name());
            assertEquals(expected.length(), actual.length(), expected.name());
        }
        RecordMetadata rfctest = read.parameter("IMPORTSTRUCT").recordType();
        assertEquals(264, rfctest.byteLength());
        for (FieldMetadata field : SampleFunctions.RFCTEST.fields()) {
            assertEquals(field.offset(), rfctest.find(field.name()).offset(), field.name());
        }

        AbapException missing = assertThrows(AbapException.class, () -> lookUp(session, inbox,
                FunctionInterfaceRows.RFC_GET_FUNCTION_INTERFACE, "FUNCNAME", "Z_NOT_THERE"));
        assertEquals("FU_NOT_FOUND", missing.key());
        assertEquals("NOT_FOUND", assertThrows(AbapException.class, () -> lookUp(session, inbox,
                FieldInfoRows.DDIF_FIELDINFO_GET, "TABNAME", "ZNONE")).key());
        session.close();
    }

    /** Like SAP's systems: tables from 8,193 bytes arrive LZH-compressed, smaller ones per row; a switch turns it off. */
    @Test
    void tablesFrom8193BytesAreCompressedAsSapsAre() throws Exception {
        Inbox inbox = new Inbox();
        Session session = loggedOn(inbox);
        assertEquals(List.of(), lzChunks(session, inbox, 16), "16 rows of 512 bytes: 8,192 bytes, per row");
        List<byte[]> chunks = lzChunks(session, inbox, 17);
        assertFalse(chunks.isEmpty(), "17 rows of 512 bytes: 8,704 bytes, compressed");
        assertEquals(0x12, chunks.get(0)[8 + 4], "SAP's header after the 8-byte wrapper names LZH");
        cloud.compressTables(TableCompression.LZC);
        assertEquals(0x11, lzChunks(session, inbox, 17).get(0)[8 + 4], "LZC");
        cloud.compressTables(TableCompression.NONE);
        assertEquals(List.of(), lzChunks(session, inbox, 40), "40 rows of 512 bytes (one message), per row");
        session.close();
    }

    /** Reads {@code rows} rows of 512 bytes and returns the reply's 0305 values; the rows arrive intact either way. */
    private List<byte[]> lzChunks(Session session, Inbox inbox, int rows) throws Exception {
        Function read = SampleFunctions.Z_RFCBRIDGE_READ_ROWS.newFunction();
        read.imports().setValue("ROW_COUNT", rows);
        read.imports().setValue("ROW_WIDTH", 512);
        byte[] reply = send(session, inbox, serializer.encoder().encodeRequest(read));
        serializer.decoder().decodeResponse(reply, 0, reply.length, read, "cloud");
        assertEquals(rows, read.tables().getTable("DATA").getNumRows());
        List<byte[]> chunks = new java.util.ArrayList<>();
        ItemReader reader = new ItemReader(reply);
        while (reader.next()) {
            if (reader.id() == ItemIds.TABLE_LZ_CHUNK) {
                chunks.add(reader.value());
            }
        }
        return chunks;
    }

    /** The metadata functions describe themselves, as on a system with SAP_COM_0636. */
    @Test
    void theLookUpFunctionsAreDescribedToo() throws Exception {
        Inbox inbox = new Inbox();
        Session session = loggedOn(inbox);
        for (String name : List.of("RFC_GET_FUNCTION_INTERFACE", "DDIF_FIELDINFO_GET", "RFC_METADATA_GET")) {
            Function gfi = lookUp(session, inbox, FunctionInterfaceRows.RFC_GET_FUNCTION_INTERFACE, "FUNCNAME", name);
            assertTrue(gfi.tables().getTable("PARAMS").getNumRows() >= 2, name);
        }
        Function metadata = lookUp(session, inbox, RepositoryFunctions.RFC_METADATA_GET, "FUNCTIONNAME",
                "Z_RFCBRIDGE_WIDE");
        assertEquals(44, metadata.tables().getTable("PARAMS").getNumRows());
        session.close();
    }

    private Function lookUp(Session session, Inbox inbox, FunctionMetadata metadata, String parameter, String value)
            throws Exception {
        Function call = metadata.newFunction();
        call.imports().setValue(parameter, value);
        byte[] reply = send(session, inbox, serializer.encoder().encodeRequest(call));
        serializer.decoder().decodeResponse(reply, 0, reply.length, call, "cloud");
        return call;
    }
}
