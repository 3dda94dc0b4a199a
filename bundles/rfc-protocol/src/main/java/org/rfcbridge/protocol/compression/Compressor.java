package org.rfcbridge.protocol.compression;

import org.rfcbridge.protocol.RfcProtocolException;

/**
 * Compresses one stream as SAP does: the 8-byte header (the total length must be known before the first
 * byte), then LZC or LZH; LZH with noise bits 0, so equal input gives equal output. Input may come in
 * pieces of any size; output is pushed to the sink as it is produced.
 */
public final class Compressor {
    private final long length;
    private final StreamEncoder encoder;
    private long written;

    /** Starts a stream of {@code length} bytes; writes its header to the sink at once. */
    public Compressor(Algorithm algorithm, long length, ByteSink sink) throws RfcProtocolException {
        if (length < 0 || length > 0xffff_ffffL) {
            throw new IllegalArgumentException("SAP compression takes 0 to 4 GiB - 1 bytes, not " + length);
        }
        this.length = length;
        byte[] header = CompressionHeader.of(algorithm, length).toBytes();
        sink.write(header, 0, header.length);
        this.encoder = algorithm == Algorithm.LZC ? new LzcEncoder(sink) : new LzhEncoder(sink);
    }

    /** Compresses a whole array. */
    public static byte[] compress(Algorithm algorithm, byte[] b, int offset, int length) {
        InMemory c = inMemory(algorithm, length);
        c.write(b, offset, length);
        return c.finish();
    }

    /** A compressor whose output stays in memory, so its calls cannot fail. */
    public static InMemory inMemory(Algorithm algorithm, long length) {
        return new InMemory(algorithm, length);
    }

    /** See {@link #inMemory}. */
    public static final class InMemory {
        private final ByteArraySink out = new ByteArraySink();
        private final Compressor compressor;

        private InMemory(Algorithm algorithm, long length) {
            compressor = unchecked(() -> new Compressor(algorithm, length, out));
        }

        /** Compresses the next piece. */
        public void write(byte[] b, int offset, int length) {
            unchecked(() -> {
                compressor.write(b, offset, length);
                return null;
            });
        }

        /** Ends the stream and returns all of it, header included. */
        public byte[] finish() {
            unchecked(() -> {
                compressor.finish();
                return null;
            });
            return out.toByteArray();
        }

        private interface Step<T> {
            T run() throws RfcProtocolException;
        }

        private static <T> T unchecked(Step<T> step) {
            try {
                return step.run();
            } catch (RfcProtocolException e) {
                throw new IllegalStateException("a sink in memory refused bytes", e);
            }
        }
    }

    /** Compresses the next piece. */
    public void write(byte[] b, int offset, int length) throws RfcProtocolException {
        if (written + length > this.length) {
            throw new IllegalStateException("more input than the " + this.length + " bytes announced in the header");
        }
        written += length;
        encoder.write(b, offset, length);
    }

    /** Ends the stream; all announced bytes must have been written. */
    public void finish() throws RfcProtocolException {
        if (written != length) {
            throw new IllegalStateException(written + " bytes written, " + length + " announced in the header");
        }
        encoder.finish();
    }
}
