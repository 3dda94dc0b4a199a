package org.rfcbridge.protocol.compression;

import java.io.ByteArrayOutputStream;

/** Collects everything written into one array. */
public final class ByteArraySink implements ByteSink {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Override
    public void write(byte[] b, int offset, int length) {
        out.write(b, offset, length);
    }

    /** Bytes collected so far. */
    public int size() {
        return out.size();
    }

    /** A copy of everything written. */
    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
