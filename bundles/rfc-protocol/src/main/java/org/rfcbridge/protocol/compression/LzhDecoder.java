package org.rfcbridge.protocol.compression;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.rfcbridge.protocol.RfcProtocolException;

/**
 * LZH: after SAP's 2 to 5 noise bits the stream is deflate's bit stream (same codes, static and dynamic
 * blocks). The JDK's {@link Inflater} decodes it once every byte is shifted by the noise bits; what follows
 * the last block (padding, SAP's extra 0x00) is ignored.
 */
final class LzhDecoder extends StreamDecoder {
    private static final int CHUNK = 32 * 1024;
    private static final int OUTPUT_CHUNK = 64 * 1024;
    private final Inflater inflater = new Inflater(true);
    private final byte[] shifted = new byte[CHUNK];
    private final byte[] out = new byte[OUTPUT_CHUNK];
    /** Bits before the deflate stream: 2 bits x, then x bits of noise; -1 until the first byte arrived. */
    private int skip = -1;
    /** The last byte received: its high bits start the next shifted byte. */
    private int held;

    LzhDecoder(long declared, ByteSink sink) {
        super(declared, sink);
    }

    @Override
    void feed(byte[] b, int offset, int length) throws RfcProtocolException {
        int at = offset;
        int end = offset + length;
        if (skip < 0 && at < end) {
            held = b[at++] & 0xff;
            position++;
            skip = 2 + (held & 3);
        }
        final int shift = skip;
        final int carry = 8 - shift;
        while (at < end && !inflater.finished()) {
            int n = Math.min(CHUNK, end - at);
            int last = held;
            for (int i = 0; i < n; i++) {
                int next = b[at + i] & 0xff;
                shifted[i] = (byte) (last >>> shift | next << carry);
                last = next;
            }
            held = last;
            at += n;
            position += n;
            inflate(n);
        }
    }

    @Override
    void finish() throws RfcProtocolException {
        if (skip >= 0 && !inflater.finished()) {
            shifted[0] = (byte) (held >>> skip);
            inflate(1);
        }
        if (!inflater.finished()) {
            throw new RfcProtocolException("LZH stream ends before its last block", position);
        }
    }

    private void inflate(int n) throws RfcProtocolException {
        inflater.setInput(shifted, 0, n);
        try {
            while (!inflater.finished() && !inflater.needsInput()) {
                int produced = inflater.inflate(out);
                if (produced == 0 && inflater.needsDictionary()) {
                    throw new RfcProtocolException("corrupt LZH stream", position);
                }
                emit(out, 0, produced);
            }
        } catch (DataFormatException e) {
            throw new RfcProtocolException("corrupt LZH stream: " + e.getMessage(), position);
        }
    }

    @Override
    public void close() {
        inflater.end();
    }
}
