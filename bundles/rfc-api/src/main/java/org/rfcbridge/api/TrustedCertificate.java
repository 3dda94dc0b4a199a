package org.rfcbridge.api;

import java.time.Instant;

/**
 * A trusted CA certificate as an administrator sees it (SAP BC's "Trusted Certificates" list).
 *
 * @param source            the file it was read from (and the alias inside a key store)
 * @param subject           subject distinguished name
 * @param issuer            issuer distinguished name
 * @param notBefore         start of validity
 * @param notAfter          end of validity
 * @param sha256Fingerprint SHA-256 of the DER encoding, upper-case hex separated by colons
 */
public record TrustedCertificate(String source, String subject, String issuer, Instant notBefore, Instant notAfter,
                                 String sha256Fingerprint) {
}
