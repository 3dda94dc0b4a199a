package org.rfcbridge.protocol.compression;

/**
 * What LZC's writer and reader share: code widths, the CLEAR code, and the group rule. Codes are packed
 * LSB-first in groups of eight (a group of {@code width} bytes); when the width grows, or after CLEAR, the
 * group in progress is padded out to its full length (sap-compression README, "LZC stream").
 */
final class LzcCodes {
    /** Width of the first codes. */
    static final int MIN_BITS = 9;
    /** Widest code SAP writes (header byte 7 = 0x8D). */
    static final int MAX_BITS = 13;
    /** Block mode's code that empties the table. */
    static final int CLEAR = 256;
    /** First table entry in block mode. */
    static final int FIRST = 257;
    /** Header byte 7: block mode, CLEAR allowed. */
    static final int BLOCK_MODE = 0x80;

    private LzcCodes() {
    }

    /** Largest code of a width, before the table's last width. */
    static int maxCode(int width, int maxBits) {
        return width == maxBits ? 1 << maxBits : (1 << width) - 1;
    }

    /** Bits to skip from {@code bits} written in the current segment to the end of its group. */
    static int padding(long bits, int width) {
        int group = width * 8;
        return (int) ((group - bits % group) % group);
    }
}
