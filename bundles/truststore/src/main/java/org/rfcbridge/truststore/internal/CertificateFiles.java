package org.rfcbridge.truststore.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads every CA certificate in a directory: PEM files (one or many certificates; other PEM blocks
 * such as keys are ignored), DER files, and PKCS#12 ({@code .p12}, {@code .pfx}) or JKS ({@code .jks})
 * key stores opened with the configured password. A file that cannot be read, or a certificate that
 * has expired or is not valid yet, is reported by name and skipped; nothing here is fatal.
 */
final class CertificateFiles {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");
    /** Files larger than this are not certificates; they are refused unread. */
    static final long MAX_FILE_BYTES = 1 << 20;

    private CertificateFiles() {
    }

    /** One trusted certificate and where it came from ("file" or "file (alias)"). */
    record Entry(String source, X509Certificate certificate) {
    }

    /** What a directory yielded. */
    record Result(List<Entry> certificates, List<String> problems) {
    }

    static Result read(Path directory, char[] keyStorePassword, Instant now) {
        List<Entry> certificates = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            problems.add(directory + ": the directory does not exist");
            return new Result(certificates, problems);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            problems.add(directory + ": cannot list the directory: " + e.getMessage());
            return new Result(certificates, problems);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.toLowerCase(Locale.ROOT).endsWith(".txt") || name.toLowerCase(Locale.ROOT).endsWith(".md")) {
                continue;                                  // notes beside the certificates
            }
            try {
                for (Entry entry : readFile(file, keyStorePassword)) {
                    X509Certificate c = entry.certificate();
                    if (c.getNotAfter().toInstant().isBefore(now)) {
                        problems.add(entry.source() + ": expired on " + c.getNotAfter().toInstant() + " ("
                                + c.getSubjectX500Principal().getName() + "); not trusted");
                    } else if (c.getNotBefore().toInstant().isAfter(now)) {
                        problems.add(entry.source() + ": not valid before " + c.getNotBefore().toInstant() + " ("
                                + c.getSubjectX500Principal().getName() + "); not trusted yet");
                    } else {
                        certificates.add(entry);
                    }
                }
            } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                problems.add(name + ": " + e.getMessage());
            }
        }
        return new Result(Collections.unmodifiableList(certificates), Collections.unmodifiableList(problems));
    }

    private static List<Entry> readFile(Path file, char[] password) throws IOException, GeneralSecurityException {
        String name = file.getFileName().toString();
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException("larger than " + MAX_FILE_BYTES + " bytes; not a certificate file");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".p12") || lower.endsWith(".pfx")) {
            return keyStore(file, "PKCS12", password);
        }
        if (lower.endsWith(".jks")) {
            return keyStore(file, "JKS", password);
        }
        byte[] bytes = Files.readAllBytes(file);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN")) {
            List<Entry> entries = new ArrayList<>();
            Matcher matcher = PEM.matcher(text);
            while (matcher.find()) {
                byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
                X509Certificate c = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
                entries.add(new Entry(entries.isEmpty() && !more(matcher, text) ? name : name + " #" + (entries.size() + 1), c));
            }
            if (entries.isEmpty()) {
                throw new CertificateException("a PEM file without a CERTIFICATE block");
            }
            return entries;
        }
        try {
            return List.of(new Entry(name, (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(bytes))));
        } catch (CertificateException e) {
            throw new CertificateException("not a certificate (PEM, DER, PKCS#12 .p12/.pfx or JKS .jks)");
        }
    }

    private static boolean more(Matcher matcher, String text) {
        return PEM.matcher(text).region(matcher.end(), text.length()).find();
    }

    private static List<Entry> keyStore(Path file, String type, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (var in = Files.newInputStream(file)) {
            store.load(in, password);
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("password")) {
                throw new IOException(type + " key store: wrong password (set keystore.password of "
                        + "org.rfcbridge.truststore)");
            }
            throw new IOException(type + " key store cannot be read: " + e.getMessage());
        }
        List<Entry> entries = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            Certificate c = store.getCertificate(alias);
            if (c instanceof X509Certificate x509) {
                entries.add(new Entry(file.getFileName() + " (" + alias + ")", x509));
            }
        }
        if (entries.isEmpty()) {
            throw new IOException(type + " key store holds no certificate");
        }
        return entries;
    }
}
