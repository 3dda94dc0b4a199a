package org.rfcbridge.protocol.compression;

/**
 * SAP's two table compression algorithms, by the id in the low nibble of header byte 4 (README of
 * {@code shared/vectors/sap-compression}; SAP's API options use other values, which never appear on the wire).
 */
public enum Algorithm {
    /** LZW in the style of Unix {@code compress}, codes of 9 to 13 bits. */
    LZC(1),
    /** Deflate-like LZ77 and Huffman coding with SAP's noise bits and 16 KiB window. */
    LZH(2);

    private final int id;

    Algorithm(int id) {
        this.id = id;
    }

    /** The id in the header. */
    public int id() {
        return id;
    }

    /** The algorithm of a header id, or null. */
    public static Algorithm ofId(int id) {
        for (Algorithm a : values()) {
            if (a.id == id) {
                return a;
            }
        }
        return null;
    }
}
