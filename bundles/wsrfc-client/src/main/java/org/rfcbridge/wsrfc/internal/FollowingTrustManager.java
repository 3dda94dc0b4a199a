package org.rfcbridge.wsrfc.internal;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Asks the trust store's current trust manager at every handshake, so that {@code rfc:trust-reload}
 * and a changed {@code etc/trust} take effect for the next connection without restarting the
 * destination's WebSocket client. The JDK's PKIX manager is an {@link X509ExtendedTrustManager}
 * and checks the host name against the engine's endpoint identification (HTTPS), which Jetty
 * always sets; a plain manager (the test-only trust-all switch) is asked without the engine.
 */
final class FollowingTrustManager extends X509ExtendedTrustManager {
    private final Supplier<X509TrustManager> current;

    FollowingTrustManager(Supplier<X509TrustManager> current) {
        this.current = current;
    }

    /**
     * A TLS context that trusts what {@code current} trusts at each handshake.
     *
     * @param keys the client certificate's key managers, or {@code null} for none
     */
    static SSLContext context(KeyManager[] keys, Supplier<X509TrustManager> current) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, new TrustManager[] {new FollowingTrustManager(current)}, null);
        return context;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        X509TrustManager manager = current.get();
        if (manager instanceof X509ExtendedTrustManager extended) {
            extended.checkServerTrusted(chain, authType, engine);
        } else {
            manager.checkServerTrusted(chain, authType);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        X509TrustManager manager = current.get();
        if (manager instanceof X509ExtendedTrustManager extended) {
            extended.checkServerTrusted(chain, authType, socket);
        } else {
            manager.checkServerTrusted(chain, authType);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        current.get().checkServerTrusted(chain, authType);
    }

    /** The bridge is only ever a TLS client here. */
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the WebSocket RFC client does not accept TLS clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the WebSocket RFC client does not accept TLS clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the WebSocket RFC client does not accept TLS clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return current.get().getAcceptedIssuers();
    }
}
