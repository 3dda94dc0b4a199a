package org.rfcbridge.protocol.classic;

import java.nio.charset.StandardCharsets;

import org.rfcbridge.protocol.RfcProtocolException;

/**
 * The RFC password obfuscation of item {@code 0x0117}: a 4-byte little-endian seed followed by the
 * password bytes XOR-ed with a fixed 64-byte table and a seed-dependent byte. Not encryption: anyone
 * who reads the item can recover the password, which is why the relayed logon must be treated as a
 * secret. Three public formulations agree (open-rfc, pysap, saprfclib; {@code protocol-cpic.md} §2.7.4).
 * Password bytes are single-byte characters.
 */
public final class PasswordScramble {
    private static final int[] TABLE = {
            0xf0, 0xed, 0x53, 0xb8, 0x32, 0x44, 0xf1, 0xf8, 0x76, 0xc6, 0x79, 0x59, 0xfd, 0x4f, 0x13, 0xa2,
            0xc1, 0x51, 0x95, 0xec, 0x54, 0x83, 0xc2, 0x34, 0x77, 0x49, 0x43, 0xa2, 0x7d, 0xe2, 0x65, 0x96,
            0x5e, 0x53, 0x98, 0x78, 0x9a, 0x17, 0xa3, 0x3c, 0xd3, 0x83, 0xa8, 0xb8, 0x29, 0xfb, 0xdc, 0xa5,
            0x55, 0xd7, 0x02, 0x77, 0x84, 0x13, 0xac, 0xdd, 0xf9, 0xb8, 0x31, 0x16, 0x61, 0x0e, 0x6d, 0xfa};

    private PasswordScramble() {
    }

    /** Scrambles a password with the given seed into the item value. */
    public static byte[] scramble(String password, int seed) {
        byte[] plain = password.getBytes(StandardCharsets.ISO_8859_1);
        byte[] field = new byte[4 + plain.length];
        field[0] = (byte) seed;
        field[1] = (byte) (seed >>> 8);
        field[2] = (byte) (seed >>> 16);
        field[3] = (byte) (seed >>> 24);
        transform(plain, 0, field, 4, plain.length, seed);
        return field;
    }

    /** Recovers the password from an item value. */
    public static String descramble(byte[] field, int offset, int length) throws RfcProtocolException {
        if (length < 4) {
            throw new RfcProtocolException("a scrambled password needs a 4-byte seed, the item has " + length + " bytes", offset);
        }
        int seed = (field[offset] & 0xff) | (field[offset + 1] & 0xff) << 8 | (field[offset + 2] & 0xff) << 16
                | (field[offset + 3] & 0xff) << 24;
        byte[] plain = new byte[length - 4];
        transform(field, offset + 4, plain, 0, plain.length, seed);
        return new String(plain, StandardCharsets.ISO_8859_1);
    }

    private static void transform(byte[] source, int from, byte[] target, int to, int length, int seed) {
        int start = ((seed ^ (seed >>> 5)) ^ (seed << 1)) & 0x3f;
        for (int i = 0; i < length; i++) {
            int mask = (seed * i * i - i) & 0xff;
            target[to + i] = (byte) (source[from + i] ^ TABLE[(start + i) & 0x3f] ^ mask);
        }
    }
}
