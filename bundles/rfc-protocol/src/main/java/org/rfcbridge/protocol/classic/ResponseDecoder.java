package org.rfcbridge.protocol.classic;

import org.rfcbridge.api.RfcException;
import org.rfcbridge.protocol.RfcProtocolException;

/**
 * A reply applied to the call piece by piece as it arrives ({@link ClassicDecoder#responseDecoder}).
 */
public final class ResponseDecoder {
    private final ParameterChainDecoder decoder;
    private final String partner;

    ResponseDecoder(ParameterChainDecoder decoder, String partner) {
        this.decoder = decoder;
        this.partner = partner;
    }

    /**
     * Applies the next piece of the reply.
     *
     * @throws RfcProtocolException if the piece is malformed (offsets count from the reply's start)
     */
    public void feed(byte[] b, int offset, int length) throws RfcProtocolException {
        decoder.feed(b, offset, length);
    }

    /**
     * Ends the reply.
     *
     * @throws RfcException the error the reply reports
     * @throws RfcProtocolException if the reply ends in the middle of a table or of xRFC XML
     */
    public void end() throws RfcException, RfcProtocolException {
        decoder.end();
        RfcException error = decoder.envelope.error(partner);
        if (error != null) {
            throw error;
        }
    }
}
