package org.rfcbridge.protocol.compression;

import org.rfcbridge.protocol.RfcProtocolException;

/**
 * LZC, the LZW of Unix {@code compress} as SAP writes it: codes from 9 bits up to the header's width,
 * CLEAR (256) in block mode, the padding rule of {@link LzcCodes}. Decodes code by code as bytes arrive,
 * so a stream whose last group is short (SAP's "short final group") loses nothing.
 */
final class LzcDecoder extends StreamDecoder {
    private static final int CHUNK = 64 * 1024;
    private final int maxBits;
    private final boolean blockMode;
    private final int first;
    private final int tableSize;
    private final int[] prefix;
    private final byte[] suffix;
    private final byte[] stack;
    private final byte[] out = new byte[CHUNK];
    private int outFill;
    private int width = LzcCodes.MIN_BITS;
    private int maxCode;
    private int freeEntry;
    private int oldCode = -1;
    private int finChar;
    private long bitBuffer;
    private int bitCount;
    /** Bits read since the current width started (the groups count from there). */
    private long segmentBits;
    private int skipBits;

    LzcDecoder(CompressionHeader header, ByteSink sink) {
        super(header.uncompressedLength(), sink);
        this.maxBits = header.option() & 0x1f;
        this.blockMode = (header.option() & LzcCodes.BLOCK_MODE) != 0;
        this.first = blockMode ? LzcCodes.FIRST : LzcCodes.CLEAR;
        this.tableSize = 1 << maxBits;
        this.prefix = new int[tableSize];
        this.suffix = new byte[tableSize];
        this.stack = new byte[tableSize + 1];
        this.maxCode = LzcCodes.maxCode(width, maxBits);
        this.freeEntry = first;
    }

    @Override
    void feed(byte[] b, int offset, int length) throws RfcProtocolException {
        for (int i = offset, end = offset + length; i < end && remaining() > outFill; i++) {
            bitBuffer |= (long) (b[i] & 0xff) << bitCount;
            bitCount += 8;
            position++;
            decodeCodes();
        }
        flush();
    }

    @Override
    void finish() throws RfcProtocolException {
        flush();
    }

    private void decodeCodes() throws RfcProtocolException {
        while (true) {
            if (skipBits > 0) {
                int n = Math.min(skipBits, bitCount);
                bitBuffer >>>= n;
                bitCount -= n;
                skipBits -= n;
                if (skipBits > 0) {
                    return;
                }
            }
            if (freeEntry > maxCode) {
                startSegment(width + 1);
                continue;
            }
            if (bitCount < width || remaining() == outFill) {
                return;
            }
            int code = (int) (bitBuffer & ((1 << width) - 1));
            bitBuffer >>>= width;
            bitCount -= width;
            segmentBits += width;
            code(code);
        }
    }

    private void startSegment(int newWidth) {
        skipBits = LzcCodes.padding(segmentBits, width);
        segmentBits = 0;
        width = newWidth;
        maxCode = LzcCodes.maxCode(width, maxBits);
    }

    private void code(int code) throws RfcProtocolException {
        if (oldCode < 0) {
            if (code >= LzcCodes.CLEAR) {
                throw new RfcProtocolException("corrupt LZC stream: code " + code + " where a byte must start", position);
            }
            oldCode = code;
            finChar = code;
            put((byte) code);
            return;
        }
        if (code == LzcCodes.CLEAR && blockMode) {
            startSegment(LzcCodes.MIN_BITS);
            freeEntry = first;
            oldCode = -1;
            return;
        }
        int inCode = code;
        int sp = 0;
        if (code >= freeEntry) {
            if (code > freeEntry) {
                throw new RfcProtocolException("corrupt LZC stream: code " + code + " beyond the table's "
                        + freeEntry + " entries", position);
            }
            stack[sp++] = (byte) finChar;
            code = oldCode;
        }
        while (code >= LzcCodes.CLEAR) {
            stack[sp++] = suffix[code];
            code = prefix[code];
        }
        finChar = code;
        stack[sp++] = (byte) code;
        while (sp > 0) {
            put(stack[--sp]);
        }
        if (freeEntry < tableSize) {
            prefix[freeEntry] = oldCode;
            suffix[freeEntry] = (byte) finChar;
            freeEntry++;
        }
        oldCode = inCode;
    }

    private void put(byte b) throws RfcProtocolException {
        if (outFill == CHUNK) {
            flush();
        }
        if (remaining() == outFill) {
            throw new RfcProtocolException("compressed data decompresses to more than its header declares", position);
        }
        out[outFill++] = b;
    }

    private void flush() throws RfcProtocolException {
        if (outFill > 0) {
            int n = outFill;
            outFill = 0;
            emit(out, 0, n);
        }
    }
}
