package org.rfcbridge.protocol.classic;

import org.rfcbridge.protocol.RfcProtocolException;

/** A request decoded into the call piece by piece as it arrives ({@link ClassicDecoder#requestDecoder}). */
public final class RequestDecoder {
    private final ParameterChainDecoder decoder;

    RequestDecoder(ParameterChainDecoder decoder) {
        this.decoder = decoder;
    }

    /**
     * Decodes the next piece of whole items.
     *
     * @throws RfcProtocolException if the piece is malformed (offsets count from the request's start)
     */
    public void feed(byte[] b, int offset, int length) throws RfcProtocolException {
        decoder.feed(b, offset, length);
    }

    /**
     * Ends the request.
     *
     * @throws RfcProtocolException if it ends in the middle of a table or of xRFC XML
     */
    public void end() throws RfcProtocolException {
        decoder.end();
    }
}
