package org.rfcbridge.protocol.classic;

import org.rfcbridge.protocol.ProtocolLimits;

/**
 * The classic RFC serializer for a Unicode partner ({@code protocol-cpic.md} §2.7.6, §2.8): a
 * {@link ClassicEncoder} and a {@link ClassicDecoder} with the same limits, for the components that both
 * read and write calls.
 */
public final class ClassicSerializer {

    private final ClassicEncoder encoder;
    private final ClassicDecoder decoder;

    /** A serializer that enforces the given limits while decoding and writes tables uncompressed. */
    public ClassicSerializer(ProtocolLimits limits) {
        this(limits, TableCompression.NONE);
    }

    /** A serializer that enforces the given limits while decoding and compresses tables as {@code compression} says. */
    public ClassicSerializer(ProtocolLimits limits, TableCompression compression) {
        this.encoder = new ClassicEncoder(compression);
        this.decoder = new ClassicDecoder(limits);
    }

    /** The writing half. */
    public ClassicEncoder encoder() {
        return encoder;
    }

    /** The reading half. */
    public ClassicDecoder decoder() {
        return decoder;
    }
}
