package org.rfcbridge.protocol.wsrfc;

import java.util.Arrays;

import org.rfcbridge.protocol.Bytes;
import org.rfcbridge.protocol.RfcProtocolException;

/**
 * Joins the WebSocket messages of one reply: a reply may span several messages, which concatenate
 * directly, and is complete when its item chain reaches the end item {@code ffff 0000 ffff}
 * ({@code protocol-wsrfc-2026.md} §5.1). Items are checked as they complete, so a broken chain is
 * refused as soon as it can be seen, and the joined size is bounded.
 */
public final class WsRfcMessages {
    private final long maxBytes;
    private byte[] buffer = new byte[4096];
    private int size;
    private int next;
    private boolean complete;

    /** A joiner that refuses replies longer than {@code maxBytes}. */
    public WsRfcMessages(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Adds one WebSocket message.
     *
     * @return true when the reply is complete; {@link #reply()} then returns it
     */
    public boolean add(byte[] message, int offset, int length) throws RfcProtocolException {
        if (complete) {
            throw new RfcProtocolException("data after the end of the reply", size);
        }
        if (size + (long) length > maxBytes) {
            throw new RfcProtocolException("reply exceeds the limit of " + maxBytes + " bytes", size);
        }
        if (size + length > buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(maxBytes, Math.max(2L * buffer.length, (long) size + length)));
        }
        System.arraycopy(message, offset, buffer, size, length);
        size += length;
        byte[] b = buffer;
        // walk the items completed so far, from where the last call stopped
        while (size - next >= 4) {
            int id = Bytes.u16(b, next);
            int len = Bytes.u16(b, next + 2);
            if (id == 0xffff) {
                if (size - next < 6) {
                    return false;
                }
                if (len != 0 || Bytes.u16(b, next + 4) != 0xffff) {
                    throw new RfcProtocolException("malformed end item", next);
                }
                if (next + 6 != size) {
                    throw new RfcProtocolException((size - next - 6) + " bytes follow the end of the reply", next + 6);
                }
                complete = true;
                return true;
            }
            long valueLength = len;
            int header = 4;
            if (len == 0xffff) {
                if (size - next < 8) {
                    return false;
                }
                valueLength = Bytes.u32(b, next + 4);
                header = 8;
            }
            long end = next + header + valueLength + 2;
            if (end > maxBytes) {
                throw new RfcProtocolException("item of " + valueLength + " bytes exceeds the reply limit", next);
            }
            if (size < end) {
                return false;
            }
            if (Bytes.u16(b, (int) end - 2) != id) {
                throw new RfcProtocolException("item " + String.format("%04x", id) + " is closed by "
                        + String.format("%04x", Bytes.u16(b, (int) end - 2)), end - 2);
            }
            next = (int) end;
        }
        return false;
    }

    /** The joined reply. */
    public byte[] reply() {
        return Arrays.copyOf(buffer, size);
    }
}
