package org.rfcbridge.protocol;

import java.io.IOException;

/**
 * Bytes that do not follow the RFC wire format, or exceed a configured limit. The only exception a
 * decoder in this bundle throws for bad input; the message names what was expected and the byte
 * offset where it went wrong, so a log line is enough to find the spot in a trace.
 */
public class RfcProtocolException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long offset;
    private final String problem;

    /** Creates the exception for the problem found at {@code offset}. */
    public RfcProtocolException(String message, long offset) {
        super(message + " (at byte offset " + offset + ")");
        this.offset = offset;
        this.problem = message;
    }

    /** The problem without the offset. */
    public String problem() {
        return problem;
    }

    /** Byte offset of the problem within the decoded unit (record, chain or stream). */
    public long offset() {
        return offset;
    }
}
