package org.rfcbridge.protocol.classic;

import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.api.metadata.ParameterMetadata;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.item.ItemReader;

/**
 * Reads classic RFC item chains ({@code protocol-cpic.md} §2.7.6, §2.8) into calls: requests with the
 * called function's metadata, replies into the call that was made (whole, or piece by piece as they
 * arrive). Tables arrive per row ({@code 0x0303}/{@code 0x0304}), LZ-compressed ({@code 0x0305}, see
 * {@link CompressedTableReader}), in the S/4HANA forms {@code 0x0331}-{@code 0x0336}, or as xRFC XML.
 */
public final class ClassicDecoder {
    private final ProtocolLimits limits;

    /** A decoder that enforces the given limits. */
    public ClassicDecoder(ProtocolLimits limits) {
        this.limits = limits;
    }

    /**
     * The function a request calls, found without metadata.
     *
     * @throws RfcProtocolException if the chain is malformed or names no function
     */
    public String functionName(byte[] b, int offset, int length) throws RfcProtocolException {
        ItemReader reader = new ItemReader(b, offset, length, limits.maxItems());
        boolean inCall = false;
        while (reader.next()) {
            if (reader.id() == ItemIds.FUNCTION_NAME) {
                return Texts.decode(b, reader.valueOffset(), reader.valueLength()).trim();
            }
            if (reader.id() == ItemIds.CALL_START) {
                inCall = true;
            } else if (reader.id() == ItemIds.FAST_SERIALIZATION && inCall) {
                break;                                      // fast-serialized parameters; a logon context may hold a 5001 block
            }
        }
        throw new RfcProtocolException("the request names no function (no item 0102)", 0);
    }

    /** Decodes a request into a new call of the function. */
    public Function decodeRequest(byte[] b, int offset, int length, FunctionMetadata metadata) throws RfcProtocolException {
        Function function = newRequest(metadata);
        RequestDecoder decoder = requestDecoder(function);
        decoder.feed(b, offset, length);
        decoder.end();
        return function;
    }

    /** A call of the function for a request to decode into: its outputs inactive until the request asks for them. */
    public Function newRequest(FunctionMetadata metadata) {
        Function function = metadata.newFunction();
        for (ParameterMetadata p : metadata.parameters()) {
            if (p.direction() != Direction.IMPORT) {
                function.setActive(p.name(), false);
            }
        }
        return function;
    }

    /**
     * A request decoded into the call piece by piece as it arrives, each piece holding whole items: table rows
     * reach the table, or the {@link org.rfcbridge.api.data.RowStream} set on it ({@link StreamedRequest}), while
     * later pieces are still on their way.
     */
    public RequestDecoder requestDecoder(Function function) {
        return new RequestDecoder(new ParameterChainDecoder(function, true, limits));
    }

    /**
     * Applies a reply to the call: EXPORTING, CHANGING and TABLES values, or the error it reports.
     *
     * @param partner names the partner in error texts (destination or system)
     * @throws RfcException the error the reply reports
     * @throws RfcProtocolException if the reply is malformed or does not fit the metadata
     */
    public void decodeResponse(byte[] b, int offset, int length, Function function, String partner)
            throws RfcException, RfcProtocolException {
        ResponseDecoder decoder = responseDecoder(function, partner);
        decoder.feed(b, offset, length);
        decoder.end();
    }

    /**
     * A reply applied to the call piece by piece as it arrives, each piece holding whole items (see
     * {@code WsRfcMessages.takeItems}): table rows reach the table, or the {@link org.rfcbridge.api.data.RowStream}
     * set on it, while later pieces are still on their way.
     */
    public ResponseDecoder responseDecoder(Function function, String partner) {
        return new ResponseDecoder(new ParameterChainDecoder(function, false, limits), partner);
    }
}
