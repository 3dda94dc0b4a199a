package org.rfcbridge.protocol.item;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.rfcbridge.protocol.Bytes;

/**
 * Writes an item chain ({@code protocol-cpic.md} §2.7.1): each item {@code [id][len][value][id]};
 * values of 0xffff bytes or more use the extended form {@code [id][ffff][len u32][value][id]}.
 * {@link #end()} writes the end item {@code ffff 0000 ffff}.
 */
public final class ItemWriter {
    private byte[] buffer;
    private int length;

    /** A writer with room for {@code capacity} bytes before it grows. */
    public ItemWriter(int capacity) {
        buffer = new byte[Math.max(64, capacity)];
    }

    /** A writer with a small initial buffer. */
    public ItemWriter() {
        this(256);
    }

    /** Writes the 12-byte {@code RFC0} eyecatcher that opens an initial logon request. */
    public ItemWriter eyecatcher() {
        ensure(ItemReader.EYECATCHER.length);
        System.arraycopy(ItemReader.EYECATCHER, 0, buffer, length, ItemReader.EYECATCHER.length);
        length += ItemReader.EYECATCHER.length;
        return this;
    }

    /** An item with no value. */
    public ItemWriter empty(int id) {
        return item(id, new byte[0], 0, 0);
    }

    /** An item with a value. */
    public ItemWriter item(int id, byte[] value) {
        return item(id, value, 0, value.length);
    }

    /** An item with part of an array as value. */
    public ItemWriter item(int id, byte[] value, int offset, int valueLength) {
        int at = reserve(id, valueLength);
        System.arraycopy(value, offset, buffer, at, valueLength);
        return this;
    }

    /** An item whose value is text in UTF-16LE (names, CHAR values, texts in a Unicode session). */
    public ItemWriter utf16(int id, String text) {
        return item(id, Utf16.encode(text));
    }

    /** An item whose value is single-byte text (the initial logon's values). */
    public ItemWriter latin1(int id, String text) {
        return item(id, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** An item whose value is a big-endian u32. */
    public ItemWriter u32(int id, long value) {
        byte[] v = new byte[4];
        Bytes.putI32(v, 0, value);
        return item(id, v);
    }

    /**
     * Writes an item's header and closing id around {@code valueLength} bytes left for the caller to
     * fill (e.g. a table row copied straight from a table).
     *
     * @return where in {@link #buffer()} the value goes
     */
    public int reserve(int id, int valueLength) {
        boolean extended = valueLength >= 0xffff;
        ensure(valueLength + (extended ? 10 : 6));
        Bytes.putU16(buffer, length, id);
        if (extended) {
            Bytes.putU16(buffer, length + 2, 0xffff);
            Bytes.putI32(buffer, length + 4, valueLength);
            length += 8;
        } else {
            Bytes.putU16(buffer, length + 2, valueLength);
            length += 4;
        }
        int at = length;
        length += valueLength;
        Bytes.putU16(buffer, length, id);
        length += 2;
        return at;
    }

    /** Writes the end item {@code ffff 0000 ffff}. */
    public ItemWriter end() {
        ensure(6);
        Bytes.putU16(buffer, length, 0xffff);
        Bytes.putU16(buffer, length + 2, 0);
        Bytes.putU16(buffer, length + 4, 0xffff);
        length += 6;
        return this;
    }

    /** The buffer being written (valid up to {@link #length()}). */
    public byte[] buffer() {
        return buffer;
    }

    /** Bytes written. */
    public int length() {
        return length;
    }

    /** Forgets the bytes written (they were sent), keeping the buffer for the next ones. */
    public void clear() {
        length = 0;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, length);
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            long wanted = Math.max((long) buffer.length * 2, (long) length + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("an item chain cannot exceed " + (Integer.MAX_VALUE - 8) + " bytes");
            }
            buffer = Arrays.copyOf(buffer, (int) wanted);
        }
    }
}
