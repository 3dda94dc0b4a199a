package org.rfcbridge.wsrfc.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;

import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.protocol.ProtocolLimits;

/**
 * A server that refuses TLS 1.2 and 1.3 (a TLS 1.0/1.1-only endpoint) or every cipher suite the bridge
 * offers: it answers the client's hello with the TLS alert such a server sends, and the
 * administrator reads what it means instead of the JDK's bare alert name.
 */
class OldTlsServerTest {
    private ServerSocket server;
    private WebSocketClient client;

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Answers one TLS hello with a fatal alert of the given description (70 protocol_version, 40 handshake_failure). */
    private int alertingServer(int description) throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(5000);
                InputStream in = socket.getInputStream();
                in.read(new byte[5]);                            // the hello's record header; the rest is ignored
                OutputStream out = socket.getOutputStream();
                out.write(new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, (byte) description});
                out.flush();
                while (in.read() >= 0) {
                    // held open until the client has read the alert and closes
                }
            } catch (Exception e) {
                // the test's server: the client's error is what is checked
            }
        }, "old-tls-server");
        thread.setDaemon(true);
        thread.start();
        return server.getLocalPort();
    }

    private CommunicationFailureException connect(int port) throws Exception {
        client = JettyClients.start(javax.net.ssl.SSLContext.getDefault(), 1 << 20);
        WsRfcSettings settings = new WsRfcSettings("Connection_to_Cloud", "localhost", port, "/sap/bc/rfc",
                "rfc.sap.com", Map.of(), "BC_USER000", "x", "100", "EN", Duration.ofSeconds(5), Duration.ofSeconds(5));
        return assertThrows(CommunicationFailureException.class,
                () -> WsRfcConnection.open(client, settings, ProtocolLimits.DEFAULT));
    }

    /**
     * The alert reaches the bridge in most runs and its meaning is named; where Jetty passes on only the closed
     * connection, the text still names the TLS versions required.
     */
    @Test
    void aServerWithOnlyAnOldTlsVersionIsNamedSo() throws Exception {
        CommunicationFailureException e = connect(alertingServer(70));
        assertTrue(e.getMessage().contains("RFC Bridge requires TLS 1.2 or 1.3"), e.getMessage());
        assertTrue(e.getMessage().contains("offers only a TLS version older than 1.2")
                || e.getMessage().contains("offers only TLS 1.0/1.1"), e.getMessage());
    }

    @Test
    void aServerWithoutACommonCipherSuiteIsNamedSo() throws Exception {
        CommunicationFailureException e = connect(alertingServer(40));
        assertTrue(e.getMessage().contains("RFC Bridge requires TLS 1.2 or 1.3"), e.getMessage());
        assertTrue(e.getMessage().contains("share no TLS cipher suite") || e.getMessage().contains("no common cipher "
                + "suite"), e.getMessage());
    }
}
