package org.rfcbridge.wsrfc.internal;

import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.classic.ClassicSerializer;

/**
 * How parameters travel in a WebSocket RFC invoke. The captures of SAP's SDK talking to an AS ABAP
 * 7.58 show the classic serialization ({@code protocol-wsrfc.md} §2.7); whether BTP ABAP systems
 * want fast serialization instead (§2.8) is not known publicly. This is the one place to change
 * if they do.
 */
interface ParameterSerializer {
    /** The invoke stream of a call. */
    byte[] encodeRequest(Function function);

    /**
     * Applies a reply to the call.
     *
     * @throws RfcException the error the reply reports, naming {@code partner}
     * @throws RfcProtocolException if the reply is malformed
     */
    void decodeResponse(byte[] reply, Function function, String partner) throws RfcException, RfcProtocolException;

    /** The classic serialization, as captured. */
    static ParameterSerializer classic(ProtocolLimits limits) {
        ClassicSerializer serializer = new ClassicSerializer(limits);
        return new ParameterSerializer() {
            @Override
            public byte[] encodeRequest(Function function) {
                return serializer.encodeRequest(function);
            }

            @Override
            public void decodeResponse(byte[] reply, Function function, String partner)
                    throws RfcException, RfcProtocolException {
                serializer.decodeResponse(reply, 0, reply.length, function, partner);
            }
        };
    }
}
