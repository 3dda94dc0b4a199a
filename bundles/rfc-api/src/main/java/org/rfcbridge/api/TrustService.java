package org.rfcbridge.api;

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
}
