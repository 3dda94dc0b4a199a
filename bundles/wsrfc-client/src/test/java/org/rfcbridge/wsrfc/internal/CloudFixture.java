package org.rfcbridge.wsrfc.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.simulators.cloud.SimulatedCloudSystem;

/** A simulated cloud system on a free port, the events it reports, and TLS contexts for tests. */
final class CloudFixture implements AutoCloseable {
    final SimulatedCloudSystem cloud;
    final List<String> events = new CopyOnWriteArrayList<>();

    CloudFixture(List<String> certificateHosts) throws Exception {
        cloud = SimulatedCloudSystem.start(0, certificateHosts, "CLD", ProtocolLimits.DEFAULT, events::add);
    }

    CloudFixture() throws Exception {
        this(List.of("localhost"));
    }

    /** Settings for the tutorial's user against this system. */
    WsRfcSettings settings(String host, String user, String password, String client, Duration callTimeout) {
        return new WsRfcSettings("Connection_to_Cloud", host, cloud.port(), "/sap/bc/rfc", "rfc.sap.com", Map.of(), user,
                password, client, "EN", Duration.ofSeconds(5), callTimeout);
    }

    WsRfcSettings tutorial() {
        return settings("localhost", "BC_USER000", "PasswordForBC_USER000", "100", Duration.ofSeconds(5));
    }

    /** How many events contain {@code text}. */
    long count(String text) {
        return events.stream().filter(e -> e.contains(text)).count();
    }

    /** A trust manager trusting exactly one CA. */
    static X509TrustManager trustManager(String pem) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }

    /** A TLS context trusting exactly one CA. */
    static SSLContext trusting(String pem) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[] {trustManager(pem)}, null);
        return context;
    }

    @Override
    public void close() throws Exception {
        cloud.close();
    }
}
