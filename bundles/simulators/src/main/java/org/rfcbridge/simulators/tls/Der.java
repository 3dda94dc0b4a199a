package org.rfcbridge.simulators.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The few ASN.1 DER encodings an X.509 v3 certificate needs (ITU-T X.690, RFC 5280). */
final class Der {
    static final int BOOLEAN = 0x01;
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int OID = 0x06;
    static final int UTF8_STRING = 0x0c;
    static final int UTC_TIME = 0x17;
    static final int GENERALIZED_TIME = 0x18;
    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;

    private Der() {
    }

    static byte[] tlv(int tag, byte[]... contents) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] content : contents) {
            body.writeBytes(content);
        }
        byte[] value = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] bytes = BigInteger.valueOf(length).toByteArray();
            int skip = bytes[0] == 0 ? 1 : 0;
            out.write(0x80 | (bytes.length - skip));
            out.write(bytes, skip, bytes.length - skip);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    static byte[] sequence(byte[]... contents) {
        return tlv(SEQUENCE, contents);
    }

    static byte[] set(byte[]... contents) {
        return tlv(SET, contents);
    }

    static byte[] integer(BigInteger value) {
        return tlv(INTEGER, value.toByteArray());
    }

    static byte[] bool(boolean value) {
        return tlv(BOOLEAN, new byte[] {(byte) (value ? 0xff : 0)});
    }

    static byte[] utf8(String text) {
        return tlv(UTF8_STRING, text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] octets(byte[] value) {
        return tlv(OCTET_STRING, value);
    }

    /** A BIT STRING with no unused bits. */
    static byte[] bits(byte[] value) {
        byte[] content = new byte[value.length + 1];
        System.arraycopy(value, 0, content, 1, value.length);
        return tlv(BIT_STRING, content);
    }

    /** Context-specific tag {@code [n]}, constructed (explicit) or primitive (implicit). */
    static byte[] tagged(int n, boolean constructed, byte[] content) {
        return tlv(0x80 | (constructed ? 0x20 : 0) | n, content);
    }

    static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            long arc = Long.parseLong(parts[i]);
            byte[] base128 = new byte[10];
            int n = 0;
            do {
                base128[n++] = (byte) (arc & 0x7f);
                arc >>>= 7;
            } while (arc > 0);
            for (int k = n - 1; k >= 0; k--) {
                out.write(base128[k] | (k > 0 ? 0x80 : 0));
            }
        }
        return tlv(OID, out.toByteArray());
    }

    /** UTCTime for 1950-2049, GeneralizedTime otherwise (RFC 5280 §4.1.2.5). */
    static byte[] time(ZonedDateTime instant) {
        ZonedDateTime utc = instant.withZoneSameInstant(ZoneOffset.UTC);
        if (utc.getYear() >= 1950 && utc.getYear() < 2050) {
            return tlv(UTC_TIME, utc.format(DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")).getBytes(StandardCharsets.US_ASCII));
        }
        return tlv(GENERALIZED_TIME, utc.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'"))
                .getBytes(StandardCharsets.US_ASCII));
    }
}
