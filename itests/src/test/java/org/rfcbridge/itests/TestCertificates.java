package org.rfcbridge.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;

import org.rfcbridge.simulators.tls.CertificateAuthority;

/** Makes certificates in the test driver; only called from Pax Exam configuration methods, never in the container. */
final class TestCertificates {
    private TestCertificates() {
    }

    /** Writes a new CA certificate as PEM to a temporary file and returns its path. */
    static String caPem(String commonName) {
        try {
            Path file = Files.createTempFile("rfcbridge-itest-ca", ".pem");
            Files.writeString(file, CertificateAuthority.create(commonName, Duration.ofDays(30)).certificatePem());
            file.toFile().deleteOnExit();
            return file.toString();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the test CA", e);
        }
    }
}
