package org.rfcbridge.protocol.classic;

import org.rfcbridge.protocol.compression.Algorithm;

/**
 * Whether the classic tables a component writes are SAP-compressed ({@code 0x0305}). SAP's systems compress
 * every table whose rows add up to {@value #THRESHOLD} bytes or more (protocol-wsrfc-2026.md §4.1, captured);
 * a receiver takes both forms, so {@link #NONE} is always valid. That SAP's own receivers accept the
 * compressed tables we write is not verified against a real system (docs/protocol.md, "Compressed tables").
 */
public enum TableCompression {
    /** Every table per row ({@code 0x0304}). */
    NONE(null),
    /** Tables from {@value #THRESHOLD} bytes with LZH, as SAP's systems send them. */
    LZH(Algorithm.LZH),
    /** Tables from {@value #THRESHOLD} bytes with LZC. */
    LZC(Algorithm.LZC);

    /** Size of a table's rows from which SAP compresses it: 0x2001 bytes. */
    public static final int THRESHOLD = 0x2001;

    private final Algorithm algorithm;

    TableCompression(Algorithm algorithm) {
        this.algorithm = algorithm;
    }

    /** The algorithm used for a table of {@code bytes} bytes, or null if it goes per row. */
    public Algorithm algorithmFor(long bytes) {
        return bytes >= THRESHOLD ? algorithm : null;
    }

    /**
     * The setting's value as written in a configuration ({@code none}, {@code lzh}, {@code lzc}).
     *
     * @throws IllegalArgumentException naming the values allowed
     */
    public static TableCompression of(String setting) {
        for (TableCompression c : values()) {
            if (c.name().equalsIgnoreCase(setting.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("table compression '" + setting + "' is none, lzh or lzc");
    }
}
