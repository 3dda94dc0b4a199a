package org.rfcbridge.simulators.tls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate authority made at run time: an EC P-256 key and a self-signed CA certificate, which
 * issues server certificates for host names and addresses (subject alternative names), with any
 * validity window, so that tests can have trusted, untrusted, expired and wrong-host certificates,
 * and the simulated cloud system its TLS identity. Nothing here is meant for production.
 */
public final class CertificateAuthority {
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String ORGANIZATION = "2.5.4.10";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keys;
    private final X509Certificate certificate;
    private final byte[] name;

    private CertificateAuthority(KeyPair keys, X509Certificate certificate, byte[] name) {
        this.keys = keys;
        this.certificate = certificate;
        this.name = name;
    }

    /** A new CA valid from now for {@code validity}. */
    public static CertificateAuthority create(String commonName, Duration validity) throws GeneralSecurityException {
        KeyPair keys = newKeys();
        byte[] name = name(commonName);
        ZonedDateTime now = ZonedDateTime.now();
        byte[] extensions = Der.sequence(
                extension(BASIC_CONSTRAINTS, true, Der.sequence(Der.bool(true))),
                extension(KEY_USAGE, true, Der.tlv(Der.BIT_STRING, new byte[] {1, (byte) 0x06})));   // keyCertSign, cRLSign
        X509Certificate certificate = sign(keys.getPrivate(), name, name, keys, now.minusMinutes(5), now.plus(validity),
                extensions);
        return new CertificateAuthority(keys, certificate, name);
    }

    /** The CA certificate (the one to trust). */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The CA certificate in PEM. */
    public String certificatePem() throws GeneralSecurityException {
        return IssuedCertificate.pem(certificate);
    }

    /**
     * Issues a server certificate.
     *
     * @param hosts     host names (DNS) and IP addresses for the subject alternative name; the first is the CN
     * @param notBefore start of validity
     * @param notAfter  end of validity (in the past for an expired certificate)
     */
    public IssuedCertificate issue(List<String> hosts, ZonedDateTime notBefore, ZonedDateTime notAfter)
            throws GeneralSecurityException {
        KeyPair serverKeys = newKeys();
        List<byte[]> names = new ArrayList<>();
        for (String host : hosts) {
            if (host.matches("[0-9.]+") || host.contains(":")) {
                try {
                    names.add(Der.tagged(7, false, InetAddress.getByName(host).getAddress()));
                } catch (UnknownHostException e) {
                    throw new GeneralSecurityException("not an address: " + host, e);
                }
            } else {
                names.add(Der.tagged(2, false, host.getBytes(StandardCharsets.US_ASCII)));
            }
        }
        byte[] extensions = Der.sequence(
                extension(BASIC_CONSTRAINTS, true, Der.sequence()),
                extension(KEY_USAGE, true, Der.tlv(Der.BIT_STRING, new byte[] {7, (byte) 0x80})),   // digitalSignature
                // both uses, so that one issued certificate also serves as a client certificate (X.509 logon)
                extension(EXTENDED_KEY_USAGE, false, Der.sequence(Der.oid(SERVER_AUTH), Der.oid(CLIENT_AUTH))),
                extension(SUBJECT_ALT_NAME, false, Der.sequence(names.toArray(new byte[0][]))));
        X509Certificate issued = sign(keys.getPrivate(), name, name(hosts.get(0)), serverKeys, notBefore, notAfter,
                extensions);
        return new IssuedCertificate(serverKeys.getPrivate(), List.of(issued, certificate));
    }

    /** Issues a server certificate valid from now for {@code validity}. */
    public IssuedCertificate issue(List<String> hosts, Duration validity) throws GeneralSecurityException {
        ZonedDateTime now = ZonedDateTime.now();
        return issue(hosts, now.minusMinutes(5), now.plus(validity));
    }

    private static KeyPair newKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static byte[] name(String commonName) {
        return Der.sequence(
                Der.set(Der.sequence(Der.oid(ORGANIZATION), Der.utf8("RFC Bridge test CA"))),
                Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8(commonName))));
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octets(value))
                : Der.sequence(Der.oid(oid), Der.octets(value));
    }

    private static X509Certificate sign(PrivateKey issuerKey, byte[] issuer, byte[] subject, KeyPair subjectKeys,
                                        ZonedDateTime notBefore, ZonedDateTime notAfter, byte[] extensions)
            throws GeneralSecurityException {
        byte[] algorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
        byte[] tbs = Der.sequence(
                Der.tagged(0, true, Der.integer(BigInteger.TWO)),
                Der.integer(new BigInteger(64, RANDOM).add(BigInteger.ONE)),
                algorithm, issuer,
                Der.sequence(Der.time(notBefore), Der.time(notAfter)),
                subject,
                subjectKeys.getPublic().getEncoded(),
                Der.tagged(3, true, extensions));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(issuerKey);
        signer.update(tbs);
        byte[] certificate = Der.sequence(tbs, algorithm, Der.bits(signer.sign()));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate));
    }
}
