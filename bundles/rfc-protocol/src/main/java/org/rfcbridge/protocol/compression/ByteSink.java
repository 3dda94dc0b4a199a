package org.rfcbridge.protocol.compression;

import org.rfcbridge.protocol.RfcProtocolException;

/** Receives bytes as a compressor or decompressor produces them; the array is reused after the call. */
@FunctionalInterface
public interface ByteSink {
    /** Takes {@code b[offset, offset + length)}. */
    void write(byte[] b, int offset, int length) throws RfcProtocolException;
}
