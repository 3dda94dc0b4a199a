package org.rfcbridge.api.metadata;

/** Parameter kinds of a function module, seen from the function module (as SE37 shows them). */
public enum Direction {
    /** IMPORTING: sent by the caller. */
    IMPORT,
    /** EXPORTING: returned to the caller. */
    EXPORT,
    /** CHANGING: sent and returned. */
    CHANGING,
    /** TABLES: internal tables sent and returned. */
    TABLES
}
