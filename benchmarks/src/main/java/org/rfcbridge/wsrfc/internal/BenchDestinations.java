package org.rfcbridge.wsrfc.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.protocol.ProtocolLimits;

/**
 * WebSocket RFC destinations for the benchmarks (each also a FunctionRepository and AutoCloseable), built as the destination component builds them but
 * without OSGi. In this package only to reach the client's package-private classes; not part of the bundle.
 */
public final class BenchDestinations {
    private BenchDestinations() {
    }

    /** A destination to a simulated cloud system on localhost with the tutorial's user, trusting {@code caPem}. */
    public static RfcDestination start(String name, int port, String caPem, int poolSize, Duration callTimeout)
            throws Exception {
        X509TrustManager trust = trustManager(caPem);
        WsRfcSettings settings = new WsRfcSettings(name, "localhost", port, null, "rfc.sap.com", Map.of(), "BC_USER000",
                "PasswordForBC_USER000", "100", "E", Duration.ofSeconds(10), callTimeout);
        return WsRfcDestination.start(settings, new WsRfcDestination.PoolSettings(poolSize, Duration.ZERO,
                Duration.ofSeconds(1)), FollowingTrustManager.context(null, () -> trust), null, ProtocolLimits.DEFAULT);
    }

    /** A trust manager trusting exactly one CA, given in PEM. */
    static X509TrustManager trustManager(String caPem) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }

    /** The name of the threads of the WebSocket client of destination {@code name}. */
    public static String clientThreadsName(String name) {
        return JettyClients.threadsName(name);
    }
}
