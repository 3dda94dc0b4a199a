package org.rfcbridge.api;

import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/** The CA certificates the bridge trusts for TLS to cloud systems and proxies. */
public interface TrustService {
    /** A TLS context trusting exactly the current certificates. Hostname verification is the caller's, always on. */
    SSLContext sslContext();

    /** The trust manager behind {@link #sslContext()}. */
    X509TrustManager trustManager();

    /** The certificates trusted now. */
    List<TrustedCertificate> certificates();

    /** Reads the certificates again (SAP BC's "Reload CA List"). */
    void reload();

    /**
     * Files that could not be used at the last load, each as "file: reason" (unreadable, not a
     * certificate, wrong key store password, expired). Empty when all were read.
     */
    List<String> problems();

    /** True if the explicit test-only switch to trust every certificate is on. */
    boolean trustsAll();

    /** How long before a certificate expires the bridge warns (setting {@code expiry.warning.days}). */
    default Duration expiryWarning() {
        return Duration.ofDays(30);
    }
}
