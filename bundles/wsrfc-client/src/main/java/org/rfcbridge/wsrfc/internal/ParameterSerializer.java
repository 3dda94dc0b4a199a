package org.rfcbridge.wsrfc.internal;

import java.io.IOException;

import org.rfcbridge.api.ArrivingRequest;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.classic.ResponseDecoder;
import org.rfcbridge.protocol.classic.StreamedRequest;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.protocol.item.ItemWriter;

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
     * Writes the invoke stream of a call while the rest of its request arrives ({@code rest}), in parts of about
     * {@code partSize} bytes, the last one marked: the rows of its tables pass through.
     */
    void writeRequest(Function function, ArrivingRequest rest, int partSize, WsRfcConnection.MessageParts parts)
            throws IOException;

    /** Applies a reply to the call as its pieces arrive (tables stream where the call's tables are set to). */
    Reply reply(Function function, String partner);

    /** One reply being applied. */
    interface Reply {
        /** The next piece of whole items. */
        void feed(byte[] items) throws RfcProtocolException;

        /**
         * The reply is complete.
         *
         * @throws RfcException the error the reply reports, naming the partner
         * @throws RfcProtocolException if the reply is malformed or incomplete
         */
        void end() throws RfcException, RfcProtocolException;
    }

    /** The classic serialization, as captured; request tables written as {@code compression} says. */
    static ParameterSerializer classic(ProtocolLimits limits, TableCompression compression) {
        ClassicSerializer serializer = new ClassicSerializer(limits, compression);
        return new ParameterSerializer() {
            @Override
            public byte[] encodeRequest(Function function) {
                return serializer.encoder().encodeRequest(function);
            }

            @Override
            public void writeRequest(Function function, ArrivingRequest rest, int partSize,
                                     WsRfcConnection.MessageParts parts) throws IOException {
                StreamedRequest request = serializer.encoder().streamedRequest(function, partSize,
                        (b, offset, length) -> parts.send(b, offset, length, false)).streamTables();
                try {
                    while (rest.arrive()) {
                        // the rows go on through the request as they are decoded
                    }
                } catch (IOException | RuntimeException e) {
                    request.abandon();
                    throw e;
                }
                ItemWriter last = request.finish();
                parts.send(last.buffer(), 0, last.length(), true);
            }

            @Override
            public Reply reply(Function function, String partner) {
                ResponseDecoder decoder = serializer.decoder().responseDecoder(function, partner);
                return new Reply() {
                    @Override
                    public void feed(byte[] items) throws RfcProtocolException {
                        decoder.feed(items, 0, items.length);
                    }

                    @Override
                    public void end() throws RfcException, RfcProtocolException {
                        decoder.end();
                    }
                };
            }
        };
    }
}
