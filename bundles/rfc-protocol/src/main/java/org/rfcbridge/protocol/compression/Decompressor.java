package org.rfcbridge.protocol.compression;

import org.rfcbridge.protocol.RfcProtocolException;

/**
 * Decompresses one SAP compressed stream (header, then LZC or LZH) fed in pieces of any size, pushing the
 * output to a {@link ByteSink} as it is produced, so a table of any size passes through a bounded window.
 * The header's length is checked against a limit before anything is allocated, and the output may never
 * exceed it (a few bytes claiming 4 GB are refused at once). Input after the declared length is complete
 * is ignored: SAP pads the stream (protocol-wsrfc-2026.md §4.1, "Trailing bytes are padding").
 */
public final class Decompressor implements AutoCloseable {
    private final long maxLength;
    private final ByteSink sink;
    private final byte[] headerBytes = new byte[CompressionHeader.LENGTH];
    private int headerFill;
    private CompressionHeader header;
    private StreamDecoder decoder;

    /**
     * @param maxLength the most bytes a header may declare
     * @param sink      receives the decompressed bytes
     */
    public Decompressor(long maxLength, ByteSink sink) {
        this.maxLength = maxLength;
        this.sink = sink;
    }

    /** Decompresses a whole stream into a new array (tests, tools, small tables). */
    public static byte[] decompress(byte[] b, int offset, int length, long maxLength) throws RfcProtocolException {
        ByteArraySink out = new ByteArraySink();
        try (Decompressor d = new Decompressor(maxLength, out)) {
            d.feed(b, offset, length);
            d.finish();
        }
        return out.toByteArray();
    }

    /** The header, once its 8 bytes have arrived, else null. */
    public CompressionHeader header() {
        return header;
    }

    /** True once every declared byte has been produced. */
    public boolean complete() {
        return decoder != null && decoder.produced() == header.uncompressedLength();
    }

    /**
     * Decompresses the next piece of the stream.
     *
     * @throws RfcProtocolException if the header or the stream is corrupt or declares too much (offsets count
     *                              from the start of the stream, header included)
     */
    public void feed(byte[] b, int offset, int length) throws RfcProtocolException {
        int at = offset;
        int end = offset + length;
        if (header == null) {
            int n = Math.min(CompressionHeader.LENGTH - headerFill, length);
            System.arraycopy(b, offset, headerBytes, headerFill, n);
            headerFill += n;
            at += n;
            if (headerFill < CompressionHeader.LENGTH) {
                return;
            }
            header = CompressionHeader.read(headerBytes, 0, maxLength);
            decoder = header.algorithm() == Algorithm.LZC
                    ? new LzcDecoder(header, sink) : new LzhDecoder(header.uncompressedLength(), sink);
        }
        if (at < end && !complete()) {
            decoder.feed(b, at, end - at);
        }
    }

    /**
     * The stream is over: every declared byte must have been produced.
     *
     * @throws RfcProtocolException if the stream ended early or is shorter than its header says
     */
    public void finish() throws RfcProtocolException {
        if (header == null) {
            throw new RfcProtocolException("compressed data ends within its 8-byte header", headerFill);
        }
        if (!complete()) {
            decoder.finish();
        }
        if (!complete()) {
            throw new RfcProtocolException("compressed data ends after " + decoder.produced() + " of the "
                    + header.uncompressedLength() + " bytes its header declares", decoder.position());
        }
        close();
    }

    /** Frees the decoder's working memory (native memory for LZH) at once. */
    @Override
    public void close() {
        if (decoder != null) {
            decoder.close();
        }
    }
}
