package org.rfcbridge.wsrfc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;


import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.LogonFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.simulators.cloud.SimulatedCloudSystem;
import org.rfcbridge.simulators.samples.SampleFunctions;
import org.rfcbridge.simulators.tls.CertificateAuthority;

/** The WebSocket RFC connection against the simulated cloud system over real TLS, and what it says when things go wrong. */
class WsRfcConnectionTest {
    private CloudFixture fixture;
    private SimulatedCloudSystem cloud;
    private WebSocketClient client;
    private final ClassicSerializer serializer = new ClassicSerializer(ProtocolLimits.DEFAULT);

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.stop();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    private void start(List<String> certificateHosts, String trustedPem) throws Exception {
        fixture = new CloudFixture(certificateHosts);
        cloud = fixture.cloud;
        client = JettyClients.start(CloudFixture.trusting(trustedPem == null ? cloud.caPem() : trustedPem), 1 << 20);
    }

    private WsRfcSettings settings(String host, String password) {
        return fixture.settings(host, "BC_USER000", password, "100", Duration.ofSeconds(1));
    }

    @Test
    void logsOnAndCallsWithTheTutorialsAliasUser() throws Exception {
        start(List.of("localhost"), null);
        try (WsRfcConnection connection = WsRfcConnection.open(client, settings("localhost", "PasswordForBC_USER000"),
                ProtocolLimits.DEFAULT)) {
            assertEquals("CLD", connection.system().systemId());
            Function call = SampleFunctions.STFC_CONNECTION.newFunction();
            call.imports().setValue("REQUTEXT", "Hello cloud");
            byte[] reply = connection.invoke(serializer.encoder().encodeRequest(call), call.name());
            serializer.decoder().decodeResponse(reply, 0, reply.length, call, "cloud");
            assertEquals("Hello cloud", call.exports().getString("ECHOTEXT"));
        }
    }

    @Test
    void aWrongPasswordIsALogonFailureWithTheServersText() throws Exception {
        start(List.of("localhost"), null);
        LogonFailureException e = assertThrows(LogonFailureException.class, () -> WsRfcConnection.open(client,
                settings("localhost", "wrong"), ProtocolLimits.DEFAULT));
        assertEquals("Destination Connection_to_Cloud refused the logon: Name or password is incorrect (repeat logon)",
                e.getMessage());
        assertTrue(!e.getMessage().contains("wrong"), "no password in the text");
    }

    @Test
    void certificateProblemsAreNamed() throws Exception {
        start(List.of("localhost"), CertificateAuthority.create("Other CA", Duration.ofDays(1)).certificatePem());
        CommunicationFailureException untrusted = assertThrows(CommunicationFailureException.class,
                () -> WsRfcConnection.open(client, settings("localhost", "x"), ProtocolLimits.DEFAULT));
        assertTrue(untrusted.getMessage().contains("not signed by a trusted CA: add its CA certificate to etc/trust"),
                untrusted.getMessage());
        client.stop();
        cloud.close();
        start(List.of("localhost"), null);
        CommunicationFailureException wrongHost = assertThrows(CommunicationFailureException.class,
                () -> WsRfcConnection.open(client, settings("127.0.0.1", "x"), ProtocolLimits.DEFAULT));
        assertTrue(wrongHost.getMessage().contains("not issued for host 127.0.0.1"), wrongHost.getMessage());
    }

    @Test
    void aWrongPathOrAClosedPortIsACommunicationFailureSayingWhatHappened() throws Exception {
        start(List.of("localhost"), null);
        WsRfcSettings tutorial = settings("localhost", "PasswordForBC_USER000");
        WsRfcSettings wrongPath = new WsRfcSettings(tutorial.name(), tutorial.host(), tutorial.port(), "/sap/bc/nothing",
                tutorial.subprotocol(), Map.of(), tutorial.user(), tutorial.password(), tutorial.client(),
                tutorial.language(), tutorial.connectTimeout(), tutorial.callTimeout());
        CommunicationFailureException status = assertThrows(CommunicationFailureException.class,
                () -> WsRfcConnection.open(client, wrongPath, ProtocolLimits.DEFAULT));
        assertEquals("destination Connection_to_Cloud (wss://localhost:" + cloud.port() + "/sap/bc/nothing) answered "
                + "the WebSocket upgrade with HTTP status 404 instead of 101; check host, port and path /sap/bc/nothing",
                status.getMessage());
        int port = cloud.port();
        cloud.close();
        CommunicationFailureException refused = assertThrows(CommunicationFailureException.class,
                () -> WsRfcConnection.open(client, tutorial, ProtocolLimits.DEFAULT));
        // refused, or closed first when the client had kept the connection of the 404 (Jetty's HTTP pool)
        String where = "destination Connection_to_Cloud (wss://localhost:" + port + "/sap/bc/rfc): ";
        assertTrue(refused.getMessage().startsWith(where + "connection refused or unreachable")
                || refused.getMessage().startsWith(where + "the server closed the connection during the TLS handshake or "
                + "the WebSocket upgrade: stopped or restarting"), refused.getMessage());
    }

    @Test
    void aSilentServerIsATimeoutNamingTheDestination() throws Exception {
        start(List.of("localhost"), null);
        try (WsRfcConnection connection = WsRfcConnection.open(client, settings("localhost", "PasswordForBC_USER000"),
                ProtocolLimits.DEFAULT)) {
            CommunicationFailureException e = assertThrows(CommunicationFailureException.class,
                    () -> connection.invoke(new byte[] {5, 2, 0, 0, 0x77, 0x77, (byte) 0xff, (byte) 0xff, 0, 0, (byte) 0xff,
                        (byte) 0xff}, "Z_BROKEN"));
            assertEquals("Timeout: destination Connection_to_Cloud did not answer Z_BROKEN within 1000 ms", e.getMessage());
        }
    }

    @Test
    void aHostWithSchemeOrPathIsRefusedSayingWhatToEnter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WsRfcSettings("C",
                "https://my-api.s4hana.cloud.sap/sap/bc/rfc", 443, null, "rfc.sap.com", Map.of(), "U", "P", "100", "E",
                Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertEquals("field host 'https://my-api.s4hana.cloud.sap/sap/bc/rfc' must be the host name only, without "
                + "https:// or a path: enter my-api.s4hana.cloud.sap", e.getMessage());
        assertEquals("D", new WsRfcSettings("C", "h", 443, null, "p", Map.of(), "U", "P", "100", "de", Duration.ZERO, Duration.ZERO)
                .language());
        assertThrows(IllegalArgumentException.class, () -> new WsRfcSettings("C", "h", 443, null, "p", Map.of(), "U", "P", "1", "E",
                Duration.ZERO, Duration.ZERO));
    }
}
