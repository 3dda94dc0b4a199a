package org.rfcbridge.protocol.wsrfc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.rfcbridge.protocol.Bytes;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.item.ItemIds;

/**
 * Joins the WebSocket messages of one reply: a reply may span several messages, which concatenate
 * directly, and is complete when its item chain reaches the end item {@code ffff 0000 ffff}
 * ({@code protocol-wsrfc-2026.md} §5.1). Items are checked as they complete, so a broken chain is
 * refused as soon as it can be seen, and the joined size is bounded.
 *
 * <p>A reply is either joined once when complete ({@link #reply()}), or taken piece by piece as its
 * items complete ({@link #takeItems()}), so a large reply is decoded while it still arrives and only
 * the messages not yet taken are held.
 */
public final class WsRfcMessages {
    /**
     * The items a reply from an SAP system starts with: {@code 0500} (every captured invoke reply, exceptions
     * and FU_NOT_FOUND included) or {@code 0101} (LOGON replies and logon errors). Captured shapes only, so a
     * reply of another start is refused as garbage at its first bytes instead of waiting for the call timeout;
     * unverified for shapes no capture shows.
     */
    static final java.util.Set<Integer> REPLY_STARTS = java.util.Set.of(0x0500, 0x0101);
    /** The items that carry table rows, or describe a table whose rows follow in a form of its own. */
    private static final Set<Integer> ROW_ITEMS = Set.of(ItemIds.TABLE_ROW, ItemIds.TABLE_ROW_COMPRESSED,
            ItemIds.TABLE_LZ_CHUNK, ItemIds.S4_TABLE_ROW, ItemIds.S4_TABLE_DESCRIPTOR, ItemIds.S4_MIXED_TABLE_DESCRIPTOR);
    private final long maxBytes;
    private final long maxUnfinishedItemBytes;
    private final boolean reply;
    /** What is joined, for the texts: reply or request. */
    private final String what;
    /** The messages as received: kept, not copied, until the reply is complete and joined once. */
    private final List<byte[]> parts = new ArrayList<>();
    private long[] starts = new long[16];
    /** Index of the first message still held: those before it were taken whole. */
    private int first;
    /** Where the items not yet taken start. */
    private long taken;
    private long size;
    private long next;
    private boolean complete;
    /** Whether an item of table rows (of any form) has completed: rows can unpack to many times their size. */
    private boolean tableRows;

    /** A joiner that refuses replies longer than {@code maxBytes}. */
    public WsRfcMessages(long maxBytes) {
        this(maxBytes, maxBytes);
    }

    /**
     * A joiner that refuses replies longer than {@code maxBytes} and items longer than
     * {@code maxUnfinishedItemBytes}, as soon as an item's header announces it: what the joiner holds while it
     * waits for the end of an item is bounded so, however the peer cuts or fragments its messages (both with
     * {@link ReplyLimitException}).
     */
    public WsRfcMessages(long maxBytes, long maxUnfinishedItemBytes) {
        this(maxBytes, maxUnfinishedItemBytes, false);
    }

    private WsRfcMessages(long maxBytes, long maxUnfinishedItemBytes, boolean reply) {
        this(maxBytes, maxUnfinishedItemBytes, reply, "reply");
    }

    private WsRfcMessages(long maxBytes, long maxUnfinishedItemBytes, boolean reply, String what) {
        this.maxBytes = Math.min(maxBytes, Integer.MAX_VALUE - 8);
        this.maxUnfinishedItemBytes = maxUnfinishedItemBytes;
        this.reply = reply;
        this.what = what;
    }

    /**
     * A joiner for a request relayed in pieces (the gateway's records of a call passed on while it arrives): whole
     * items as they complete, items bounded as above, texts naming the request.
     */
    public static WsRfcMessages forRequest(long maxBytes, long maxUnfinishedItemBytes) {
        return new WsRfcMessages(maxBytes, maxUnfinishedItemBytes, false, "request");
    }

    /**
     * A joiner for a reply from an SAP system, which must also start as SAP's replies do
     * ({@link #REPLY_STARTS}); see {@link #WsRfcMessages(long, long)} for the bounds.
     */
    public static WsRfcMessages forReply(long maxBytes, long maxUnfinishedItemBytes) {
        return new WsRfcMessages(maxBytes, maxUnfinishedItemBytes, true);
    }

    /**
     * Adds one WebSocket message. A whole array ({@code offset} 0, {@code length} its length) is kept
     * as it is, so the caller must not change it afterwards; a part of an array is copied.
     *
     * @return true when the reply is complete; {@link #reply()} then returns it
     */
    public boolean add(byte[] message, int offset, int length) throws RfcProtocolException {
        if (complete) {
            throw new RfcProtocolException("data after the end of the " + what, size);
        }
        if (size + (long) length > maxBytes) {
            throw new ReplyLimitException("the " + what + " exceeds the limit of " + maxBytes + " bytes", size, false);
        }
        if (length == 0) {
            return false;
        }
        if (parts.size() == starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[parts.size()] = size;
        parts.add(offset == 0 && length == message.length ? message : Arrays.copyOfRange(message, offset,
                offset + length));
        size += length;
        if (reply && next == 0 && size >= 2 && !REPLY_STARTS.contains(u16(0))) {
            throw new RfcProtocolException("the reply starts with " + String.format("%04x", u16(0))
                    + ", not with 0500 (reply) or 0101 (header) as SAP's replies do", 0);
        }
        // walk the items completed so far, from where the last call stopped
        while (size - next >= 4) {
            int id = u16(next);
            int len = u16(next + 2);
            if (id == 0xffff) {
                if (size - next < 6) {
                    return false;
                }
                if (len != 0 || u16(next + 4) != 0xffff) {
                    throw new RfcProtocolException("malformed end item", next);
                }
                if (next + 6 != size) {
                    throw new RfcProtocolException((size - next - 6) + " bytes follow the end of the " + what, next + 6);
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
                valueLength = ((long) u16(next + 4) << 16) | u16(next + 6);
                header = 8;
            }
            long end = next + header + valueLength + 2;
            if (end > maxBytes) {
                throw new ReplyLimitException("an item of " + valueLength + " bytes exceeds the " + what + " limit of "
                        + maxBytes + " bytes", next, false);
            }
            if (end - next > maxUnfinishedItemBytes) {
                throw new ReplyLimitException("the peer announced an item of " + valueLength + " bytes, more than the "
                        + "limit of " + maxUnfinishedItemBytes + " bytes for one item", next, true);
            }
            if (size < end) {
                break;
            }
            if (u16(end - 2) != id) {
                throw new RfcProtocolException("item " + String.format("%04x", id) + " is closed by "
                        + String.format("%04x", u16(end - 2)), end - 2);
            }
            tableRows |= ROW_ITEMS.contains(id);
            next = end;
        }
        return false;
    }

    /** Whether the messages added so far complete the reply (or request). */
    public boolean isComplete() {
        return complete;
    }

    /**
     * Whether a completed item so far holds table rows: full, blank-truncated ({@code 0304}, padded to the row
     * type's width when decoded), LZ-compressed, or S/4's. Without them a chain decodes to about its own size.
     */
    public boolean holdsTableRows() {
        return tableRows;
    }

    /** The big-endian 16-bit value at a position of the joined stream, wherever the messages were cut. */
    private int u16(long position) {
        return (byteAt(position) << 8) | byteAt(position + 1);
    }

    private int byteAt(long position) {
        int part = Arrays.binarySearch(starts, first, parts.size(), position);
        if (part < 0) {
            part = -part - 2;                               // the last message starting before the position
        }
        return parts.get(part)[(int) (position - starts[part])] & 0xff;
    }

    /**
     * The items completed since the last call (possibly none), as one array; the messages wholly taken
     * are released. The end item is included once the reply is complete.
     */
    public byte[] takeItems() {
        long end = complete ? size : next;
        if (end == taken) {
            return new byte[0];
        }
        byte[] items;
        byte[] head = parts.get(first);
        if (taken == starts[first] && end == starts[first] + head.length) {
            items = head;                                   // one whole message of whole items: no copy
        } else {
            items = new byte[(int) (end - taken)];
            for (int i = first, at = 0; at < items.length; i++) {
                byte[] part = parts.get(i);
                int from = (int) Math.max(0, taken - starts[i]);
                int length = (int) Math.min(part.length - from, items.length - at);
                System.arraycopy(part, from, items, at, length);
                at += length;
            }
        }
        taken = end;
        while (first < parts.size() && starts[first] + parts.get(first).length <= taken) {
            parts.set(first++, null);                       // wholly taken: collectable
        }
        return items;
    }

    /** The joined reply, built once: the messages are released, so this can be called only once. */
    public byte[] reply() {
        if (!complete) {
            throw new IllegalStateException("the reply is not complete");
        }
        if (taken > 0) {
            throw new IllegalStateException("items of the reply were taken already");
        }
        return Bytes.join(parts, size);
    }
}
