package org.rfcbridge.truststore.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.rfcbridge.api.Provider;
import org.rfcbridge.api.Audit;
import org.rfcbridge.api.TrustService;
import org.rfcbridge.api.TrustedCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link TrustService}: the CA certificates of one directory, reloaded on command and when the
 * directory changes. Each load builds a new trust manager and TLS context and swaps them in at once,
 * so a connection being set up sees either the old list or the new one, never a mixture.
 */
// registered by hand (Provider.register, no secret as a service property), so the capability is declared here
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"org.rfcbridge.api.TrustService\"",
        uses = org.rfcbridge.api.TrustService.class)
@Component(name = "org.rfcbridge.truststore", configurationPid = "org.rfcbridge.truststore",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {}, immediate = true)
@Designate(ocd = TrustStoreConfig.class)
public final class TrustStoreComponent implements TrustService {
    private static final Logger LOG = LoggerFactory.getLogger(TrustStoreComponent.class);
    private static final Logger AUDIT = LoggerFactory.getLogger(Audit.LOGGER);
    /**
     * The start-time setting without which {@code trust.all} has no effect: a system property, or the
     * environment variable {@link #TRUST_ALL_ENVIRONMENT}, set to {@code true} when the JVM starts. A forged or
     * careless change of the configuration alone (web console, Config Admin, a file) can so never switch
     * certificate checks off.
     */
    static final String TRUST_ALL_PROPERTY = "rfcbridge.trust.all.allowed";
    /** See {@link #TRUST_ALL_PROPERTY}. */
    static final String TRUST_ALL_ENVIRONMENT = "RFCBRIDGE_TRUST_ALL_ALLOWED";

    private volatile TrustStoreConfig config;
    private volatile Snapshot snapshot;
    private DirectoryWatcher watcher;
    /** Registered by hand, so that {@code keystore.password} is not a service property (Provider). */
    private ServiceRegistration<?> registration;

    /** What one load produced. */
    private record Snapshot(SSLContext context, X509TrustManager trustManager, List<TrustedCertificate> certificates,
                            List<String> problems) {
    }

    @Activate
    synchronized void activate(TrustStoreConfig configuration, BundleContext context, Map<String, Object> properties) {
        configure(configuration);
        registration = Provider.register(context, properties, this, TrustService.class);
    }

    @Modified
    synchronized void modified(TrustStoreConfig configuration, Map<String, Object> properties) {
        configure(configuration);
        registration.setProperties(Provider.serviceProperties(properties));
    }

    /** Applies a configuration: the trust.all check, the certificates, the directory watch. */
    synchronized void configure(TrustStoreConfig configuration) {
        this.config = configuration;
        closeWatcher();
        if (configuration.trust_all() && trustAllAllowed()) {
            LOG.warn("org.rfcbridge.truststore: trust.all is ON - every TLS certificate is accepted without any check. "
                    + "This is for tests only; turn it off for any real system.");
        } else if (configuration.trust_all()) {
            LOG.warn("org.rfcbridge.truststore: trust.all is set but ignored, certificates are still checked: it takes "
                    + "effect only when the JVM starts with -D{}=true or {}=true (tests only)", TRUST_ALL_PROPERTY,
                    TRUST_ALL_ENVIRONMENT);
        }
        reload();
        Path directory = directory();
        if (configuration.watch() && Files.isDirectory(directory)) {
            try {
                watcher = new DirectoryWatcher(directory, this::reload);
            } catch (IOException e) {
                LOG.warn("org.rfcbridge.truststore: cannot watch {} for changes ({}); use rfc:trust-reload after changes",
                        directory, e.toString());
            }
        }
    }

    @Deactivate
    synchronized void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        closeWatcher();
    }

    private void closeWatcher() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    /** The configured directory, relative paths resolved against the Karaf base directory. */
    Path directory() {
        Path path = Path.of(config.directory());
        return path.isAbsolute() ? path : Path.of(System.getProperty("karaf.base", ".")).resolve(path).normalize();
    }

    @Override
    public synchronized void reload() {
        Path directory = directory();
        if (!Files.exists(directory)) {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                LOG.warn("org.rfcbridge.truststore: cannot create {}: {}", directory, e.toString());
            }
        }
        CertificateFiles.Result result = CertificateFiles.read(directory, config.keystore_password().toCharArray(),
                Instant.now());
        List<TrustedCertificate> certificates = new ArrayList<>();
        for (CertificateFiles.Entry entry : result.certificates()) {
            certificates.add(describe(entry));
        }
        X509TrustManager manager = trustsAll() ? new TrustAllManager() : trustManager(result, directory);
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {manager}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS context", e);
        }
        snapshot = new Snapshot(context, manager, List.copyOf(certificates), result.problems());
        for (String problem : result.problems()) {
            LOG.warn("org.rfcbridge.truststore: skipped {}", problem);
        }
        Instant soon = Instant.now().plus(Duration.ofDays(config.expiry_warning_days()));
        for (TrustedCertificate c : certificates) {
            if (c.notAfter().isBefore(soon)) {
                LOG.warn("org.rfcbridge.truststore: {} ({}) expires on {}; replace it before then", c.source(),
                        c.subject(), c.notAfter());
            }
        }
        LOG.info("org.rfcbridge.truststore: {} trusted certificates from {}, {} files skipped", certificates.size(),
                directory, result.problems().size());
        AUDIT.info("user={} action=trust.reload directory={} certificates={} rejected={}", Audit.currentUser(),
                directory, certificates.size(), result.problems().size());
    }

    @Override
    public Duration expiryWarning() {
        return Duration.ofDays(config.expiry_warning_days());
    }

    private X509TrustManager trustManager(CertificateFiles.Result result, Path directory) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (CertificateFiles.Entry entry : result.certificates()) {
                store.setCertificateEntry("trusted-" + n++, entry.certificate());
            }
            if (config.use_java_cacerts()) {
                for (X509Certificate c : jdkTrustManager().getAcceptedIssuers()) {
                    store.setCertificateEntry("java-" + n++, c);
                }
            }
            if (n == 0) {
                return new NothingTrustedManager(directory);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JDK offers no X.509 trust manager");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the trust manager: " + e, e);
        }
    }

    private static X509TrustManager jdkTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK offers no X.509 trust manager");
    }

    static TrustedCertificate describe(CertificateFiles.Entry entry) {
        X509Certificate c = entry.certificate();
        return new TrustedCertificate(entry.source(), c.getSubjectX500Principal().getName(),
                c.getIssuerX500Principal().getName(), c.getNotBefore().toInstant(), c.getNotAfter().toInstant(),
                fingerprint(c));
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            StringBuilder text = new StringBuilder();
            for (byte b : digest) {
                text.append(text.length() == 0 ? "" : ":").append(String.format("%02X", b));
            }
            return text.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    @Override
    public SSLContext sslContext() {
        return snapshot.context();
    }

    @Override
    public X509TrustManager trustManager() {
        return snapshot.trustManager();
    }

    @Override
    public List<TrustedCertificate> certificates() {
        return snapshot.certificates();
    }

    @Override
    public List<String> problems() {
        return snapshot.problems();
    }

    @Override
    public boolean trustsAll() {
        return config.trust_all() && trustAllAllowed();
    }

    /** True if the JVM was started with the setting that lets {@code trust.all} take effect. */
    static boolean trustAllAllowed() {
        return Boolean.getBoolean(TRUST_ALL_PROPERTY) || "true".equalsIgnoreCase(System.getenv(TRUST_ALL_ENVIRONMENT));
    }

    /** Refuses every certificate, saying where trusted ones go: the state of an empty directory. */
    private static final class NothingTrustedManager implements X509TrustManager {
        private final Path directory;

        NothingTrustedManager(Path directory) {
            this.directory = directory;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("no trusted CA certificates are installed: copy the CA certificate of "
                    + "the cloud system (PEM or DER) into " + directory + " and reload");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** The test-only switch: accepts every certificate, and says so at every handshake. */
    private static final class TrustAllManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // trust.all: deliberately no check, but never unseen
            LOG.warn("org.rfcbridge.truststore: trust.all is on: accepted the certificate of {} without any check",
                    chain.length > 0 ? chain[0].getSubjectX500Principal().getName() : "a server without one");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
