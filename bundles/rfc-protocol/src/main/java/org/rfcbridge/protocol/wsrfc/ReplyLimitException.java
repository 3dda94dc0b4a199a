package org.rfcbridge.protocol.wsrfc;

import org.rfcbridge.protocol.RfcProtocolException;

/**
 * A peer sent more than a configured bound allows (a whole reply, or bytes without an item completing):
 * not malformed bytes but a limit, so the caller can name the setting that applies.
 */
public final class ReplyLimitException extends RfcProtocolException {
    private static final long serialVersionUID = 1L;
    private final boolean item;

    ReplyLimitException(String message, long offset, boolean item) {
        super(message, offset);
        this.item = item;
    }

    /** True if the bound on one unfinished item was exceeded, false if the bound on the whole reply. */
    public boolean itemLimit() {
        return item;
    }
}
