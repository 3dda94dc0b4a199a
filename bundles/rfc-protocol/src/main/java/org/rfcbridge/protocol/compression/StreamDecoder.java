package org.rfcbridge.protocol.compression;

import org.rfcbridge.protocol.RfcProtocolException;

/** One algorithm's decoder: counts what it consumed and produced, and never produces more than declared. */
abstract class StreamDecoder implements AutoCloseable {
    private final long declared;
    private final ByteSink sink;
    private long produced;
    /** Bytes of the stream consumed, the 8-byte header included. */
    long position = CompressionHeader.LENGTH;

    StreamDecoder(long declared, ByteSink sink) {
        this.declared = declared;
        this.sink = sink;
    }

    abstract void feed(byte[] b, int offset, int length) throws RfcProtocolException;

    /** No more input: produce what is held back. */
    abstract void finish() throws RfcProtocolException;

    @Override
    public void close() {
    }

    final long produced() {
        return produced;
    }

    final long remaining() {
        return declared - produced;
    }

    final long position() {
        return position;
    }

    final void emit(byte[] b, int offset, int length) throws RfcProtocolException {
        if (length > declared - produced) {
            throw new RfcProtocolException("compressed data decompresses to more than the " + declared
                    + " bytes its header declares", position);
        }
        produced += length;
        sink.write(b, offset, length);
    }
}
