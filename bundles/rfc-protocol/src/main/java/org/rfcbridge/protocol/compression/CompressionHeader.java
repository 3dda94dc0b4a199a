package org.rfcbridge.protocol.compression;

import org.rfcbridge.protocol.RfcProtocolException;

/**
 * The 8-byte header in front of every SAP compressed stream: uncompressed length (u32 little-endian),
 * version 1 and the algorithm id, the magic {@code 1F 9D}, and a byte of the algorithm's own (LZC: block
 * mode and largest code width {@code 0x8D}; LZH: the compression level).
 *
 * @param uncompressedLength bytes the stream decompresses to
 * @param algorithm          LZC or LZH
 * @param option             byte 7
 */
public record CompressionHeader(long uncompressedLength, Algorithm algorithm, int option) {
    /** Header length. */
    public static final int LENGTH = 8;
    /** Bytes 5 and 6. */
    static final int MAGIC_1 = 0x1F;
    static final int MAGIC_2 = 0x9D;
    /** The high nibble of byte 4. */
    static final int VERSION = 1;
    /** LZC byte 7: block mode (CLEAR allowed, 0x80) and 13-bit codes, what SAP writes. */
    static final int LZC_OPTION = 0x80 | LzcCodes.MAX_BITS;
    /** LZH byte 7: SAP's default level 2, which the vectors use. */
    static final int LZH_LEVEL = 2;

    /** The header SAP writes for {@code length} bytes. */
    public static CompressionHeader of(Algorithm algorithm, long length) {
        return new CompressionHeader(length, algorithm, algorithm == Algorithm.LZC ? LZC_OPTION : LZH_LEVEL);
    }

    /**
     * Reads a header.
     *
     * @param maxLength the most bytes the caller accepts to decompress; a larger declared length is
     *                  refused before anything is allocated
     * @throws RfcProtocolException if the magic, version or algorithm is not SAP's, or the length is too large
     */
    public static CompressionHeader read(byte[] b, int offset, long maxLength) throws RfcProtocolException {
        long length = (b[offset] & 0xffL) | (b[offset + 1] & 0xffL) << 8 | (b[offset + 2] & 0xffL) << 16
                | (b[offset + 3] & 0xffL) << 24;
        int version = (b[offset + 4] & 0xff) >>> 4;
        Algorithm algorithm = Algorithm.ofId(b[offset + 4] & 0x0f);
        if (!hasMagic(b, offset)) {
            throw new RfcProtocolException("SAP compression header without the magic 1F 9D", 5);
        }
        if (version != VERSION || algorithm == null) {
            throw new RfcProtocolException(String.format("SAP compression header names version %d algorithm %d; "
                    + "only version 1 with LZC (1) or LZH (2) exists", version, b[offset + 4] & 0x0f), 4);
        }
        int option = b[offset + 7] & 0xff;
        if (algorithm == Algorithm.LZC && ((option & 0x1f) < LzcCodes.MIN_BITS || (option & 0x1f) > LzcCodes.MAX_BITS)) {
            throw new RfcProtocolException("LZC header asks for codes of " + (option & 0x1f) + " bits; SAP writes "
                    + LzcCodes.MIN_BITS + " to " + LzcCodes.MAX_BITS, 7);
        }
        if (length > maxLength) {
            throw new RfcProtocolException("compressed data claims " + length + " bytes, more than the "
                    + maxLength + " allowed here", 0);
        }
        return new CompressionHeader(length, algorithm, option);
    }

    /** True if the 8 bytes at {@code offset} carry SAP's magic where a header has it. */
    public static boolean hasMagic(byte[] b, int offset) {
        return (b[offset + 5] & 0xff) == MAGIC_1 && (b[offset + 6] & 0xff) == MAGIC_2;
    }

    /** The header's 8 bytes. */
    public byte[] toBytes() {
        byte[] b = new byte[LENGTH];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) (uncompressedLength >>> (8 * i));
        }
        b[4] = (byte) (VERSION << 4 | algorithm.id());
        b[5] = (byte) MAGIC_1;
        b[6] = (byte) MAGIC_2;
        b[7] = (byte) option;
        return b;
    }
}
