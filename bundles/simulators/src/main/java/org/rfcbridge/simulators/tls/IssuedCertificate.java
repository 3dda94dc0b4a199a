package org.rfcbridge.simulators.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A server certificate with its private key and chain (server first, then the CA).
 *
 * @param key   the server's private key
 * @param chain the certificate chain
 */
public record IssuedCertificate(PrivateKey key, List<X509Certificate> chain) {
    /** The server certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** A PKCS#12 key store holding the key and chain under {@code alias}. */
    public KeyStore keyStore(String alias, char[] password) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        store.setKeyEntry(alias, key, password, chain.toArray(new Certificate[0]));
        return store;
    }

    /** Writes the PKCS#12 key store. */
    public void writeKeyStore(OutputStream out, String alias, char[] password) throws GeneralSecurityException, IOException {
        keyStore(alias, password).store(out, password);
    }

    /** A TLS server context presenting this certificate. */
    public SSLContext serverContext() throws GeneralSecurityException {
        char[] password = "in-memory".toCharArray();
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore("server", password), password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** A certificate in PEM. */
    public static String pem(X509Certificate certificate) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
