package org.rfcbridge.wsrfc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.X509TrustManager;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ConnectHandler;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.ProxyConfiguration;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.ProtocolLimits;

/**
 * The secure proxy: a real HTTP proxy (Jetty's {@link ConnectHandler}) that demands basic
 * authentication for CONNECT, between the destination and the simulated cloud system.
 */
class ProxyTest {
    private static final WsRfcDestination.PoolSettings POOL = new WsRfcDestination.PoolSettings(2, Duration.ZERO,
            Duration.ofSeconds(1));

    private CloudFixture fixture;
    private Server proxy;
    private final List<String> tunnels = new CopyOnWriteArrayList<>();
    private WsRfcDestination destination;

    @BeforeEach
    void start() throws Exception {
        fixture = new CloudFixture();
        proxy = new Server();
        ServerConnector connector = new ServerConnector(proxy);
        connector.setHost("127.0.0.1");
        proxy.addConnector(connector);
        String expected = "Basic " + Base64.getEncoder().encodeToString("proxyuser:proxy secret"
                .getBytes(StandardCharsets.UTF_8));
        proxy.setHandler(new ConnectHandler() {
            @Override
            protected boolean handleAuthentication(Request request, Response response, String address) {
                boolean accepted = expected.equals(request.getHeaders().get(HttpHeader.PROXY_AUTHORIZATION));
                tunnels.add(address + (accepted ? " accepted" : " refused"));
                if (!accepted) {
                    response.getHeaders().put(HttpHeader.PROXY_AUTHENTICATE, "Basic realm=\"proxy\"");
                }
                return accepted;
            }
        });
        proxy.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (destination != null) {
            destination.close();
        }
        proxy.stop();
        fixture.close();
    }

    private ProxyConfiguration proxyAs(String user, String password) {
        int port = ((ServerConnector) proxy.getConnectors()[0]).getLocalPort();
        return new ProxyConfiguration() {
            @Override
            public boolean isConfigured() {
                return true;
            }

            @Override
            public String host() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return port;
            }

            @Override
            public String user() {
                return user;
            }

            @Override
            public char[] password() {
                return password.toCharArray();
            }
        };
    }

    private WsRfcDestination through(ProxyConfiguration configuration) throws Exception {
        X509TrustManager trust = CloudFixture.trustManager(fixture.cloud.caPem());
        destination = WsRfcDestination.start(fixture.tutorial(), POOL, FollowingTrustManager.context(null, () -> trust),
                configuration, ProtocolLimits.DEFAULT);
        return destination;
    }

    @Test
    void callsGoThroughTheProxysTunnelWithBasicAuthentication() throws Exception {
        WsRfcDestination viaProxy = through(proxyAs("proxyuser", "proxy secret"));
        Function call = viaProxy.getFunctionMetadata("STFC_CONNECTION").orElseThrow().newFunction();
        call.imports().setValue("REQUTEXT", "through the proxy");
        viaProxy.execute(call);
        assertEquals("through the proxy", call.exports().getString("ECHOTEXT"));
        assertEquals(List.of("localhost:" + fixture.cloud.port() + " accepted"), tunnels,
                "one CONNECT to the cloud's host name, authenticated; TLS and the host check end to end");
    }

    @Test
    void aWrongProxyPasswordIsACommunicationFailureSayingSo() throws Exception {
        WsRfcDestination viaProxy = through(proxyAs("proxyuser", "wrong"));
        CommunicationFailureException e = assertThrows(CommunicationFailureException.class, viaProxy::ping);
        assertTrue(e.getMessage().contains("proxy 127.0.0.1:"), e.getMessage());
        assertTrue(e.getMessage().contains("407"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong"), "never the password: " + e.getMessage());
        assertTrue(tunnels.get(0).endsWith("refused"));
    }

    @Test
    void framesThroughTheTunnelAreReadOnTheSelectingThreadToo() throws Exception {
        WebSocketClient client = JettyClients.create("proxied", CloudFixture.trusting(fixture.cloud.caPem()), 1 << 20,
                proxyAs("proxyuser", "proxy secret"), Duration.ZERO);
        client.start();
        try {
            Set<String> readers = SelectingThreadReadsTest.pongReaders(client, fixture.tutorial());
            assertEquals(1, readers.size(), "threads that read the pongs: " + readers);
            assertEquals(List.of("localhost:" + fixture.cloud.port() + " accepted"), tunnels);
        } finally {
            client.stop();
        }
    }
}
