package org.rfcbridge.protocol.compression;

/**
 * Deflate's code tables (RFC 1951 §3.2.5 and §3.2.6), which LZH shares: length and distance codes with
 * their extra bits, the code-length alphabet's order, and the static trees.
 */
final class DeflateCodes {
    static final int LITERALS = 256;
    static final int END_BLOCK = 256;
    static final int LENGTH_CODES = 29;
    static final int L_CODES = LITERALS + 1 + LENGTH_CODES;
    static final int D_CODES = 30;
    static final int BL_CODES = 19;
    static final int MAX_BITS = 15;
    static final int MAX_BL_BITS = 7;
    static final int REP_3_6 = 16;
    static final int REPZ_3_10 = 17;
    static final int REPZ_11_138 = 18;
    static final int[] EXTRA_LBITS = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5,
        5, 5, 0};
    static final int[] EXTRA_DBITS = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11,
        12, 12, 13, 13};
    static final int[] EXTRA_BLBITS = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7};
    static final int[] BL_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    /** Match length - 3 of each length code's first length. */
    static final int[] BASE_LENGTH = new int[LENGTH_CODES];
    /** Distance - 1 of each distance code's first distance. */
    static final int[] BASE_DIST = new int[D_CODES];
    /** Length code of each match length - 3 (0..255). */
    static final byte[] LENGTH_CODE = new byte[256];
    /** Distance code of distances - 1 below 256, then of (distance - 1) / 128 from 256 on. */
    private static final byte[] DIST_CODE = new byte[512];
    static final int[] STATIC_LTREE_LENGTHS = new int[L_CODES + 2];
    static final int[] STATIC_DTREE_LENGTHS = new int[D_CODES];

    static {
        int length = 0;
        for (int code = 0; code < LENGTH_CODES - 1; code++) {
            BASE_LENGTH[code] = length;
            for (int n = 0; n < 1 << EXTRA_LBITS[code]; n++) {
                LENGTH_CODE[length++] = (byte) code;
            }
        }
        // length 258 has a code of its own (285) although 284 could also express it
        LENGTH_CODE[255] = (byte) (LENGTH_CODES - 1);
        BASE_LENGTH[LENGTH_CODES - 1] = 255;
        int dist = 0;
        for (int code = 0; code < D_CODES; code++) {
            BASE_DIST[code] = dist;
            dist += 1 << EXTRA_DBITS[code];
        }
        for (int d = 0, code = 0; d < 32_768; d++) {
            while (code + 1 < D_CODES && BASE_DIST[code + 1] <= d) {
                code++;
            }
            if (d < 256) {
                DIST_CODE[d] = (byte) code;
            } else if ((d & 127) == 0) {
                DIST_CODE[256 + (d >>> 7)] = (byte) code;
            }
        }
        for (int n = 0; n < STATIC_LTREE_LENGTHS.length; n++) {
            STATIC_LTREE_LENGTHS[n] = n < 144 ? 8 : n < 256 ? 9 : n < 280 ? 7 : 8;
        }
        java.util.Arrays.fill(STATIC_DTREE_LENGTHS, 5);
    }

    private DeflateCodes() {
    }

    /** Distance code of {@code dist - 1}. */
    static int distanceCode(int distMinus1) {
        return DIST_CODE[distMinus1 < 256 ? distMinus1 : 256 + (distMinus1 >>> 7)];
    }

    /** Reverses the low {@code length} bits of {@code code}: deflate sends Huffman codes from their first bit. */
    static int reverse(int code, int length) {
        return Integer.reverse(code) >>> (32 - length);
    }
}
