package org.rfcbridge.protocol.compression;

import java.util.Arrays;

import org.rfcbridge.protocol.RfcProtocolException;

/**
 * LZC as SAP writes it, byte for byte (checked against every {@code .lzc} of {@code shared/vectors/sap-compression}):
 * LZW with 9- to 13-bit codes; once the table is full, the ratio of input to output is checked every
 * {@value #CHECK_GAP} input bytes and CLEAR is written when it has not improved since the last check.
 * Padding bytes at a width change are what the group buffer still holds from earlier groups.
 */
final class LzcEncoder extends StreamEncoder {
    /** Input bytes between two ratio checks once the table is full (README "LZC stream"). */
    static final int CHECK_GAP = 4096;
    private static final int MAX_BITS = LzcCodes.MAX_BITS;
    private static final int TABLE_SIZE = 1 << MAX_BITS;
    /** Open addressing over (prefix code, byte) keys; twice the table's entries keeps probes short. */
    private static final int HASH_SIZE = 2 * TABLE_SIZE;
    private final int[] hashKeys = new int[HASH_SIZE];
    private final short[] hashCodes = new short[HASH_SIZE];
    /** The group being filled: codes are OR-ed into it and it is written out whole or, at the end, as far as used. */
    private final byte[] group = new byte[MAX_BITS];
    private int groupBits;
    private int width = LzcCodes.MIN_BITS;
    private int maxCode = LzcCodes.maxCode(LzcCodes.MIN_BITS, MAX_BITS);
    private int freeEntry = LzcCodes.FIRST;
    private boolean clearPending;
    private int ent = -1;
    private long inCount;
    private long checkpoint = CHECK_GAP;
    /** Bytes written so far, the header included: what the ratio is measured against. */
    private long bytesOut = CompressionHeader.LENGTH;
    private long ratio;

    LzcEncoder(ByteSink sink) {
        super(sink);
    }

    @Override
    void write(byte[] b, int offset, int length) throws RfcProtocolException {
        for (int i = offset, end = offset + length; i < end; i++) {
            int c = b[i] & 0xff;
            inCount++;
            if (ent < 0) {
                ent = c;
                continue;
            }
            int key = (ent << 8 | c) + 1;
            int slot = (key * 0x9E3779B1 >>> 18) & (HASH_SIZE - 1);
            while (hashKeys[slot] != 0) {
                if (hashKeys[slot] == key) {
                    break;
                }
                slot = (slot + 1) & (HASH_SIZE - 1);
            }
            if (hashKeys[slot] == key) {
                ent = hashCodes[slot] & 0xffff;
                continue;
            }
            output(ent);
            ent = c;
            if (freeEntry < TABLE_SIZE) {
                hashKeys[slot] = key;
                hashCodes[slot] = (short) freeEntry++;
            } else if (inCount >= checkpoint) {
                checkRatio();
            }
        }
    }

    @Override
    void finish() throws RfcProtocolException {
        if (ent >= 0) {
            output(ent);
        }
        if (groupBits > 0) {
            put(group, 0, (groupBits + 7) / 8);
            groupBits = 0;
        }
        flush();
    }

    private void checkRatio() throws RfcProtocolException {
        checkpoint = inCount + CHECK_GAP;
        long current = (inCount << 8) / bytesOut;
        if (current > ratio) {
            ratio = current;
            return;
        }
        ratio = 0;
        Arrays.fill(hashKeys, 0);
        freeEntry = LzcCodes.FIRST;
        clearPending = true;
        output(LzcCodes.CLEAR);
    }

    private void output(int code) throws RfcProtocolException {
        int at = groupBits >>> 3;
        int shift = groupBits & 7;
        int bits = width;
        group[at] = (byte) ((group[at] & ((1 << shift) - 1)) | (code << shift));
        at++;
        bits -= 8 - shift;
        int rest = code >>> (8 - shift);
        if (bits >= 8) {
            group[at++] = (byte) rest;
            rest >>>= 8;
            bits -= 8;
        }
        if (bits > 0) {
            group[at] = (byte) rest;
        }
        groupBits += width;
        if (groupBits == width * 8) {
            writeGroup();
        }
        if (freeEntry > maxCode || clearPending) {
            if (groupBits > 0) {
                writeGroup();
            }
            if (clearPending) {
                width = LzcCodes.MIN_BITS;
                clearPending = false;
            } else {
                width++;
            }
            maxCode = LzcCodes.maxCode(width, MAX_BITS);
        }
    }

    private void writeGroup() throws RfcProtocolException {
        put(group, 0, width);
        bytesOut += width;
        groupBits = 0;
    }
}
