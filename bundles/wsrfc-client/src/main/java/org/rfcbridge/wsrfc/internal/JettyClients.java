package org.rfcbridge.wsrfc.internal;

import javax.net.ssl.SSLContext;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** Jetty 12 WebSocket clients for destinations: TLS from the trust store's context, hostname verification always on. */
final class JettyClients {
    private JettyClients() {
    }

    /** A started client trusting what {@code context} trusts; SNI is sent for host names. */
    static WebSocketClient start(SSLContext context, long maxMessageBytes) throws Exception {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setSslContext(context);
        tls.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls);
        WebSocketClient client = new WebSocketClient(new HttpClient(new HttpClientTransportOverHTTP(connector)));
        client.setMaxBinaryMessageSize(maxMessageBytes);
        client.start();
        return client;
    }
}
