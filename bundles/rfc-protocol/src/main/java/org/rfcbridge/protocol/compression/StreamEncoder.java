package org.rfcbridge.protocol.compression;

import org.rfcbridge.protocol.RfcProtocolException;

/** One algorithm's encoder; output is gathered in a buffer and handed to the sink in chunks. */
abstract class StreamEncoder {
    private static final int CHUNK = 16 * 1024;
    private final ByteSink sink;
    private final byte[] out = new byte[CHUNK];
    private int fill;

    StreamEncoder(ByteSink sink) {
        this.sink = sink;
    }

    abstract void write(byte[] b, int offset, int length) throws RfcProtocolException;

    /** No more input: write what is held back and flush. */
    abstract void finish() throws RfcProtocolException;

    final void put(byte[] b, int offset, int length) throws RfcProtocolException {
        for (int i = 0; i < length; i++) {
            put(b[offset + i]);
        }
    }

    final void put(byte b) throws RfcProtocolException {
        if (fill == CHUNK) {
            flush();
        }
        out[fill++] = b;
    }

    final void flush() throws RfcProtocolException {
        if (fill > 0) {
            int n = fill;
            fill = 0;
            sink.write(out, 0, n);
        }
    }
}
