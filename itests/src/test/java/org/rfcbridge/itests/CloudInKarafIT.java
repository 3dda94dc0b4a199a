package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;

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
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.wsrfc.WsRfcLogon;
import org.rfcbridge.protocol.wsrfc.WsRfcLogonReply;
import org.rfcbridge.simulators.cloud.SimulatedCloudSystem;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * Jetty 12's WebSocket client and server inside the assembly (beside Pax Web's Jetty 9.4, with SPI
 * Fly): the simulated cloud system runs in the container and a client there logs on over TLS and calls.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CloudInKarafIT extends RfcBridgeTestSupport {

    @Configuration
    public Option[] configuration() {
        return baseConfiguration();
    }

    /** Collects binary messages. Public: Jetty calls listeners through method handles. */
    public static final class Inbox implements Session.Listener.AutoDemanding {
        final BlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            messages.add(BufferUtil.toArray(payload));
            callback.succeed();
        }
    }

    @Test
    public void theSimulatedCloudAnswersOverTlsInsideKaraf() throws Exception {
        try (SimulatedCloudSystem cloud = SimulatedCloudSystem.start(0, List.of("localhost"), "CLD",
                ProtocolLimits.DEFAULT, event -> { })) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(cloud.caPem().getBytes())));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            SslContextFactory.Client tls = new SslContextFactory.Client();
            tls.setSslContext(context);
            ClientConnector connector = new ClientConnector();
            connector.setSslContextFactory(tls);
            WebSocketClient client = new WebSocketClient(new HttpClient(new HttpClientTransportOverHTTP(connector)));
            client.start();
            try {
                ClientUpgradeRequest request = new ClientUpgradeRequest();
                request.setSubProtocols(SimulatedCloudSystem.SUBPROTOCOL);
                Inbox inbox = new Inbox();
                Session session = client.connect(inbox, URI.create("wss://localhost:" + cloud.port()
                        + SimulatedCloudSystem.PATH), request).get(10, TimeUnit.SECONDS);
                session.sendBinary(ByteBuffer.wrap(new WsRfcLogon("100", "BC_USER000", "PasswordForBC_USER000", "E",
                        "127.0.0.1", "karaf", "Connection_to_Cloud", "RFCBRIDGE", null, "RFCPING").encode(3)), Callback.NOOP);
                byte[] logon = inbox.messages.poll(10, TimeUnit.SECONDS);
                assertEquals("CLD", WsRfcLogonReply.decode(logon, ProtocolLimits.DEFAULT, "cloud").systemId());
                ClassicSerializer serializer = new ClassicSerializer(ProtocolLimits.DEFAULT);
                Function call = SampleFunctions.STFC_CONNECTION.newFunction();
                call.imports().setValue("REQUTEXT", "inside Karaf");
                session.sendBinary(ByteBuffer.wrap(serializer.encodeRequest(call)), Callback.NOOP);
                byte[] reply = inbox.messages.poll(10, TimeUnit.SECONDS);
                serializer.decodeResponse(reply, 0, reply.length, call, "cloud");
                assertEquals("inside Karaf", call.exports().getString("ECHOTEXT"));
                session.close();
            } finally {
                client.stop();
            }
        }
    }
}
