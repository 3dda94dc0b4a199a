package org.rfcbridge.wsrfc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/** The client certificate of logon type {@code client-certificate}: a PKCS#12 key store with the certificate and its key. */
final class ClientCertificate {
    private ClientCertificate() {
    }

    /**
     * Key managers offering the key store's certificate in the TLS handshake.
     *
     * @throws IOException naming the file when it is missing or the password is wrong (never the password)
     */
    static KeyManager[] keyManagers(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        } catch (IOException e) {
            throw new IOException("field keystore: cannot read " + file + " as PKCS#12 (missing file or wrong "
                    + "keystore.password)", e);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }
}
