package org.rfcbridge.protocol.item;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.rfcbridge.protocol.Bytes;
import org.rfcbridge.protocol.RfcProtocolException;

/**
 * Walks an item chain {@code [id:2][len:2][value][id:2]}, where {@code len = 0xffff} (for ids other
 * than {@code 0xffff}) announces a 4-byte length, until the end item {@code ffff 0000 ffff}
 * ({@code protocol-cpic.md} §2.7.1). A chain may start with the 12-byte {@code RFC0} eyecatcher.
 * Values are read in place: {@link #valueOffset()} and {@link #valueLength()} point into the buffer.
 *
 * <p>Every length is checked against the bytes that remain, and every closing id against the opening
 * one, before anything is read; a violation is an {@link RfcProtocolException} with the offset.
 */
public final class ItemReader {
    /** EBCDIC "RFC000000000": the start of an initial logon request. */
    static final byte[] EYECATCHER = {(byte) 0xd9, (byte) 0xc6, (byte) 0xc3, (byte) 0xf0, (byte) 0xf0, (byte) 0xf0,
            (byte) 0xf0, (byte) 0xf0, (byte) 0xf0, (byte) 0xf0, (byte) 0xf0, (byte) 0xf0};

    private final byte[] buffer;
    private final int start;
    private final int end;
    private final int maxItems;
    private int position;
    private int id = -1;
    private int itemOffset;
    private int valueOffset;
    private int valueLength;
    private int count;
    private boolean ended;
    private final boolean eyecatcher;

    /** Reads the chain in {@code buffer[offset, offset + length)}. */
    public ItemReader(byte[] buffer, int offset, int length, int maxItems) {
        this.buffer = buffer;
        this.start = offset;
        this.end = offset + length;
        this.maxItems = maxItems;
        this.eyecatcher = startsWithEyecatcher(buffer, offset, length);
        this.position = eyecatcher ? offset + EYECATCHER.length : offset;
    }

    /** Reads a whole buffer. */
    public ItemReader(byte[] buffer) {
        this(buffer, 0, buffer.length, Integer.MAX_VALUE);
    }

    /** True if the chain started with the {@code RFC0} eyecatcher (an initial logon request). */
    public boolean hadEyecatcher() {
        return eyecatcher;
    }

    /**
     * Moves to the next item.
     *
     * @return false after the end item ({@code ffff}) has been read, or at the end of the bytes
     *         if the chain stops there without an end item (see {@link #ended()})
     */
    public boolean next() throws RfcProtocolException {
        if (ended || position == end) {
            return false;
        }
        if (++count > maxItems) {
            throw new RfcProtocolException("item chain has more than " + maxItems + " items", position - start);
        }
        need(4, "an item header", -1, 0);
        itemOffset = position;
        id = Bytes.u16(buffer, position);
        int length = Bytes.u16(buffer, position + 2);
        position += 4;
        if (length == 0xffff && id != 0xffff) {
            need(4, "the extended length of item", id, 0);
            long extended = Bytes.u32(buffer, position);
            position += 4;
            if (extended > end - position) {
                throw new RfcProtocolException("item " + ItemIds.hex(id) + " announces " + extended + " bytes but only "
                        + (end - position) + " remain", itemOffset - start);
            }
            length = (int) extended;
        }
        if (id == 0xffff) {
            // the end item: ffff 0000 ffff; the closing ffff is the last two bytes of the chain
            need(2, "the closing id of the end item", -1, 0);
            valueOffset = position;
            valueLength = 0;
            position += 2;
            ended = true;
            return true;
        }
        need(length + 2, "item", id, length);
        valueOffset = position;
        valueLength = length;
        position += length;
        int closing = Bytes.u16(buffer, position);
        if (closing != id) {
            throw new RfcProtocolException("item " + ItemIds.hex(id) + " is closed by " + ItemIds.hex(closing),
                    position - start);
        }
        position += 2;
        return true;
    }

    /** True once the end item has been read. */
    public boolean ended() {
        return ended;
    }

    /** The current item's id. */
    public int id() {
        return id;
    }

    /** Where the current item starts, relative to the chain's start. */
    public int itemOffset() {
        return itemOffset - start;
    }

    /** Where the current value starts in the buffer (absolute). */
    public int valueOffset() {
        return valueOffset;
    }

    /** The current value's length. */
    public int valueLength() {
        return valueLength;
    }

    /** The buffer being read. */
    public byte[] buffer() {
        return buffer;
    }

    /** Position after the last item read (absolute), e.g. where a compact tail starts. */
    public int position() {
        return position;
    }

    /** A copy of the current value. */
    public byte[] value() {
        return Arrays.copyOfRange(buffer, valueOffset, valueOffset + valueLength);
    }

    /** The current value as UTF-16LE text. */
    public String utf16() {
        return Utf16.decode(buffer, valueOffset, valueLength);
    }

    /** The current value as single-byte text (the initial logon's values, gateway texts). */
    public String latin1() {
        return new String(buffer, valueOffset, valueLength, StandardCharsets.ISO_8859_1);
    }

    /** The current value as UTF-8 text (STRING values, xRFC XML). */
    public String utf8() {
        return new String(buffer, valueOffset, valueLength, StandardCharsets.UTF_8);
    }

    /** The current 4-byte value as a big-endian integer. */
    public long u32() throws RfcProtocolException {
        if (valueLength != 4) {
            throw new RfcProtocolException("item " + ItemIds.hex(id) + " should hold 4 bytes, not " + valueLength,
                    itemOffset - start);
        }
        return Bytes.u32(buffer, valueOffset);
    }

    /** Checks that {@code bytes} remain; the message is built only on failure (this runs once per item). */
    private void need(int bytes, String what, int itemId, int length) throws RfcProtocolException {
        if (bytes > end - position) {
            String subject = itemId < 0 ? what
                    : length > 0 ? what + " " + ItemIds.hex(itemId) + " of " + length + " bytes and its closing id"
                    : what + " " + ItemIds.hex(itemId);
            throw new RfcProtocolException("the chain ends inside " + subject + " (" + (end - position)
                    + " bytes remain)", position - start);
        }
    }

    static boolean startsWithEyecatcher(byte[] buffer, int offset, int length) {
        if (length < EYECATCHER.length) {
            return false;
        }
        // the last byte is 0xf0, or 0xe3 ('T') in a trace variant
        for (int i = 0; i < EYECATCHER.length - 1; i++) {
            if (buffer[offset + i] != EYECATCHER[i]) {
                return false;
            }
        }
        byte last = buffer[offset + EYECATCHER.length - 1];
        return last == (byte) 0xf0 || last == (byte) 0xe3;
    }
}
