package org.rfcbridge.protocol.classic;

/**
 * The framing of an LZ-compressed classic table around SAP's compressed stream (protocol-wsrfc-2026.md
 * §4.1, "Compressed PARAMS", captured from BAPI_USER_GET_DETAIL; protocol-cpic.md §2.8.3): after the
 * table's {@code 0x0302} header and {@code 0x0310} used width, the values of the {@code 0x0305} items join
 * into one stream: an 8-byte wrapper, SAP's compression header and data, then padding.
 */
final class CompressedTableFormat {
    /** Wrapper in front of SAP's stream: 4 unidentified bytes, then the compressed length (u32 big-endian). */
    static final int WRAPPER_LENGTH = 8;
    /**
     * The wrapper's first 4 bytes as we write them. Unverified: their meaning and SAP's value are not
     * published; our reader ignores them.
     */
    static final byte[] WRAPPER_UNIDENTIFIED = {0, 0, 0, 0};
    /** Value length of each {@code 0x0305} item SAP writes (8 records of 250 bytes in the capture). */
    static final int FRAGMENT_LENGTH = 250;
    /**
     * Whether the wrapper's length counts SAP's 8-byte compression header. Unverified: the capture's 1,921
     * fits either reading; our reader does not depend on it.
     */
    static final boolean LENGTH_INCLUDES_HEADER = true;

    private CompressedTableFormat() {
    }
}
