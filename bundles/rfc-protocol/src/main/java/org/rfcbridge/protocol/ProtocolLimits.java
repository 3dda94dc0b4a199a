package org.rfcbridge.protocol;

/**
 * Bounds every decoder checks before it allocates, so that a peer cannot make the bridge hold more
 * than configured. Listeners and simulators take these from their configuration.
 *
 * @param maxRecordBytes  largest NI record accepted; on WebSocket RFC, where there are no NI records, the most
 *                        bytes of one item (received without the item completing)
 * @param maxMessageBytes largest RFC message reassembled from APPC fragments
 * @param maxTableRows    most rows in one table
 * @param maxTableBytes   most bytes of row data in one table
 * @param maxItems        most items in one chain
 */
public record ProtocolLimits(int maxRecordBytes, long maxMessageBytes, int maxTableRows, long maxTableBytes,
                             int maxItems) {
    /** Defaults sized for large tables (500,000 rows of 512 bytes fit) while bounding a hostile peer. */
    public static final ProtocolLimits DEFAULT = new ProtocolLimits(16 << 20, 1L << 30, 10_000_000, 1L << 30,
            50_000_000);

    /** Checks the bounds are positive. */
    public ProtocolLimits {
        if (maxRecordBytes <= 0 || maxMessageBytes <= 0 || maxTableRows <= 0 || maxTableBytes <= 0 || maxItems <= 0) {
            throw new IllegalArgumentException("protocol limits must be positive");
        }
    }
}
