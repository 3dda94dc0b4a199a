package org.rfcbridge.truststore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfcbridge.simulators.tls.CertificateAuthority;
import org.rfcbridge.simulators.tls.IssuedCertificate;

/**
 * The truststore with certificates made at test time and real TLS handshakes against a local server:
 * trusted, untrusted CA, expired and wrong host, each with hostname verification on.
 */
class TrustStoreTest {
    static CertificateAuthority ca;
    static CertificateAuthority otherCa;
    static IssuedCertificate server;

    @TempDir
    Path directory;

    private final TrustStoreComponent store = new TrustStoreComponent();
    private TestServer running;

    @BeforeAll
    static void makeCertificates() throws Exception {
        ca = CertificateAuthority.create("Test Cloud CA", Duration.ofDays(365));
        otherCa = CertificateAuthority.create("Somebody Else CA", Duration.ofDays(365));
        server = ca.issue(List.of("localhost", "127.0.0.1"), Duration.ofDays(30));
    }

    @AfterEach
    void stop() throws IOException {
        store.deactivate();
        if (running != null) {
            running.close();
        }
    }

    private void configure(boolean watch, boolean trustAll, String password) {
        store.configure(new TrustStoreConfig() {
            @Override public Class<? extends Annotation> annotationType() { return TrustStoreConfig.class; }
            @Override public String directory() { return directory.toString(); }
            @Override public boolean watch() { return watch; }
            @Override public String keystore_password() { return password; }
            @Override public boolean use_java_cacerts() { return false; }
            @Override public int expiry_warning_days() { return 30; }
            @Override public boolean trust_all() { return trustAll; }
        });
    }

    /** A TLS server on loopback presenting a certificate and answering one byte. */
    static final class TestServer implements AutoCloseable {
        final SSLServerSocket socket;
        final Thread thread;

        TestServer(IssuedCertificate certificate) throws Exception {
            SSLContext context = certificate.serverContext();
            socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (SSLSocket client = (SSLSocket) socket.accept()) {
                        client.getOutputStream().write(42);
                        client.getOutputStream().flush();
                    } catch (IOException e) {
                        // a refused handshake ends that connection only
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A client handshake as the WebSocket client makes it: SNI and hostname verification. */
    private int handshake(String host, int port) throws IOException {
        try (SSLSocket socket = (SSLSocket) store.sslContext().getSocketFactory().createSocket("127.0.0.1", port)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!host.matches("[0-9.]+")) {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            }
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(5000);
            socket.startHandshake();
            return socket.getInputStream().read();
        }
    }

    private IOException refused(String host, IssuedCertificate certificate) throws Exception {
        running = new TestServer(certificate);
        return assertThrows(SSLHandshakeException.class, () -> handshake(host, running.port()));
    }

    private void writePem(String file, String pem) throws IOException {
        Files.writeString(directory.resolve(file), pem);
    }

    @Test
    void aCaInTheDirectoryIsTrustedForItsHosts() throws Exception {
        writePem("cloud-ca.pem", ca.certificatePem());
        configure(false, false, "");
        assertEquals(1, store.certificates().size());
        assertEquals("cloud-ca.pem", store.certificates().get(0).source());
        assertTrue(store.certificates().get(0).subject().contains("CN=Test Cloud CA"));
        assertEquals(95, store.certificates().get(0).sha256Fingerprint().length());
        running = new TestServer(server);
        assertEquals(42, handshake("localhost", running.port()));
        assertEquals(42, handshake("127.0.0.1", running.port()));
    }

    @Test
    void anUntrustedCaIsRefused() throws Exception {
        writePem("other.pem", otherCa.certificatePem());
        configure(false, false, "");
        IOException e = refused("localhost", server);
        assertTrue(String.valueOf(e.getMessage()).contains("PKIX path building failed")
                || String.valueOf(e.getCause()).contains("unable to find valid certification path"), e.toString());
    }

    @Test
    void anExpiredServerCertificateIsRefused() throws Exception {
        writePem("cloud-ca.pem", ca.certificatePem());
        configure(false, false, "");
        IssuedCertificate expired = ca.issue(List.of("localhost"), ZonedDateTime.now().minusDays(60),
                ZonedDateTime.now().minusDays(1));
        IOException e = refused("localhost", expired);
        Throwable cause = e;
        boolean expiredCause = false;
        while (cause != null) {
            expiredCause |= cause instanceof CertificateExpiredException
                    || String.valueOf(cause.getMessage()).contains("validity check failed");
            cause = cause.getCause();
        }
        assertTrue(expiredCause, "the refusal says the certificate expired: " + e);
    }

    @Test
    void aCertificateForAnotherHostIsRefused() throws Exception {
        writePem("cloud-ca.pem", ca.certificatePem());
        configure(false, false, "");
        IssuedCertificate wrongHost = ca.issue(List.of("wrong.example"), Duration.ofDays(30));
        IOException e = refused("localhost", wrongHost);
        assertTrue(String.valueOf(e.getMessage()).contains("No name matching localhost")
                || String.valueOf(e.getMessage()).contains("No subject alternative"), e.toString());
    }

    @Test
    void anEmptyDirectoryTrustsNothingAndSaysWhereCertificatesGo() throws Exception {
        configure(false, false, "");
        IOException e = refused("localhost", server);
        assertTrue(e.toString().contains("no trusted CA certificates are installed"), e.toString());
        assertTrue(store.certificates().isEmpty());
    }

    @Test
    void everyFormatIsReadAndBadFilesAreReportedByName() throws Exception {
        writePem("two.pem", ca.certificatePem() + otherCa.certificatePem());
        Files.write(directory.resolve("one.der"), otherCa.certificate().getEncoded());
        try (OutputStream out = Files.newOutputStream(directory.resolve("store.p12"))) {
            KeyStore p12 = KeyStore.getInstance("PKCS12");
            p12.load(null, null);
            p12.setCertificateEntry("cloud", ca.certificate());
            p12.store(out, "changeit".toCharArray());
        }
        try (OutputStream out = Files.newOutputStream(directory.resolve("store.jks"))) {
            KeyStore jks = KeyStore.getInstance("JKS");
            jks.load(null, null);
            jks.setCertificateEntry("other", otherCa.certificate());
            jks.store(out, "changeit".toCharArray());
        }
        Files.writeString(directory.resolve("garbage.crt"), "this is not a certificate");
        Files.writeString(directory.resolve("README.txt"), "notes are ignored");
        IssuedCertificate expired = ca.issue(List.of("old"), ZonedDateTime.now().minusDays(9), ZonedDateTime.now().minusDays(1));
        writePem("expired.pem", IssuedCertificate.pem(expired.certificate()));
        configure(false, false, "changeit");
        assertEquals(List.of("one.der", "store.jks (other)", "store.p12 (cloud)", "two.pem #1", "two.pem #2"),
                store.certificates().stream().map(c -> c.source()).toList());
        assertEquals(2, store.problems().size(), store.problems().toString());
        assertTrue(store.problems().get(0).startsWith("expired.pem: expired on"), store.problems().toString());
        assertTrue(store.problems().get(1).startsWith("garbage.crt: not a certificate"), store.problems().toString());

        configure(false, false, "wrong");
        assertTrue(store.problems().stream().anyMatch(p -> p.startsWith("store.p12: PKCS12 key store: wrong password")),
                store.problems().toString());
        
    }

    @Test
    void addingACertificateIsNoticedWithoutAReload() throws Exception {
        configure(true, false, "");
        assertTrue(store.certificates().isEmpty());
        writePem("cloud-ca.pem", ca.certificatePem());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (store.certificates().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, store.certificates().size(), "the watch reloads after the file appears");
        running = new TestServer(server);
        assertEquals(42, handshake("localhost", running.port()));
        Files.delete(directory.resolve("cloud-ca.pem"));
        store.reload();
        assertTrue(store.certificates().isEmpty(), "an explicit reload sees the deletion");
    }

    @Test
    void trustAllIsAnExplicitTestSwitch() throws Exception {
        System.setProperty(TrustStoreComponent.TRUST_ALL_PROPERTY, "true");
        try {
            configure(false, true, "");
            assertTrue(store.trustsAll());
            running = new TestServer(otherCa.issue(List.of("anything"), Duration.ofDays(1)));
            try (SSLSocket socket = (SSLSocket) store.sslContext().getSocketFactory().createSocket("127.0.0.1",
                    running.port()); InputStream in = socket.getInputStream()) {
                socket.startHandshake();
                assertEquals(42, in.read());
            }
        } finally {
            System.clearProperty(TrustStoreComponent.TRUST_ALL_PROPERTY);
        }
    }

    /** A forged POST or a careless edit that sets trust.all alone changes nothing: certificates are still checked. */
    @Test
    void trustAllWithoutTheStartTimeSettingChangesNothing() throws Exception {
        configure(false, true, "");
        assertFalse(store.trustsAll());
        running = new TestServer(otherCa.issue(List.of("anything"), Duration.ofDays(1)));
        try (SSLSocket socket = (SSLSocket) store.sslContext().getSocketFactory().createSocket("127.0.0.1",
                running.port())) {
            assertThrows(javax.net.ssl.SSLHandshakeException.class, socket::startHandshake);
        }
    }
}
