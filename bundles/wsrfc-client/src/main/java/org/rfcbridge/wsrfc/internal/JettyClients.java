package org.rfcbridge.wsrfc.internal;

import java.net.URI;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.eclipse.jetty.client.BasicAuthentication;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpProxy;
import org.eclipse.jetty.client.Origin;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.rfcbridge.api.ProxyConfiguration;

/** Jetty 12 WebSocket clients for destinations: TLS from the trust store's context, hostname verification always on. */
final class JettyClients {
    private JettyClients() {
    }

    /** What the threads of a client named {@code name} are called (Jetty's pool adds "-" and a number). */
    static String threadsName(String name) {
        return "rfcbridge-" + name;
    }

    /** A started client without proxy whose sessions never time out idle (tests and tools). */
    static WebSocketClient start(SSLContext context, long maxMessageBytes) throws Exception {
        WebSocketClient client = create("wsrfc", context, maxMessageBytes, null, Duration.ZERO);
        client.start();
        return client;
    }

    /**
     * A client, not yet started, trusting what {@code context} trusts; SNI is sent for host names.
     *
     * @param name        names the client's threads, e.g. the destination
     * @param proxy       the secure proxy to tunnel through (HTTP CONNECT, basic authentication), or {@code null}
     * @param idleTimeout how long an idle session stays open without traffic; zero for ever. Keep-alive pings
     *                    count as traffic, so this must exceed the ping period.
     */
    static WebSocketClient create(String name, SSLContext context, long maxMessageBytes, ProxyConfiguration proxy,
                                  Duration idleTimeout) {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setSslContext(context);
        tls.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        ClientConnector connector = new SelectingThreadReads();
        connector.setSslContextFactory(tls);
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName(threadsName(name));
        threads.setDaemon(true);
        connector.setExecutor(threads);
        HttpClient http = new HttpClient(new HttpClientTransportOverHTTP(connector));
        if (proxy != null && proxy.isConfigured()) {
            // not secure: the proxy is spoken to in plain HTTP; the CONNECT tunnel then carries TLS to the cloud
            HttpProxy httpProxy = new HttpProxy(new Origin.Address(proxy.host(), proxy.port()), false);
            http.getProxyConfiguration().addProxy(httpProxy);
            if (!proxy.user().isEmpty()) {
                char[] password = proxy.password();
                // sent with the first CONNECT instead of after a 407, which a proxy may log as a failed logon
                http.getAuthenticationStore().addAuthenticationResult(new BasicAuthentication.BasicResult(
                        URI.create("http://" + proxy.host() + ":" + proxy.port()), HttpHeader.PROXY_AUTHORIZATION,
                        proxy.user(), new String(password)));
                java.util.Arrays.fill(password, '\0');
            }
        }
        WebSocketClient client = new WebSocketClient(http);
        client.setMaxBinaryMessageSize(maxMessageBytes);
        client.setIdleTimeout(idleTimeout);
        return client;
    }
}
