package org.rfcbridge.protocol.appc;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.rfcbridge.protocol.Bytes;
import org.rfcbridge.protocol.RfcProtocolException;

/**
 * One APPC record: header, then an error text (when the header announces one), then either control
 * parameters (F_INITIALIZE, F_SET_PARTNER_LU_NAME, F_SAP_INIT) or application data, optionally
 * followed by the 8-byte SAP parameter tail of a compact data record ({@code protocol-cpic.md} §2.4).
 *
 * @param header     the 80-byte header
 * @param errorText  the error text after the header ({@link AppcHeader#errorLength()} bytes), maybe empty
 * @param parameters control parameters ({@link AppcHeader#sapParameterLength()} bytes) of control records
 * @param data       application data: an RFC payload or a fragment of one
 * @param tail       the compact record's tail ({@code u16 0, u16 data length, u32 0x8500}) or empty
 */
public record AppcRecord(AppcHeader header, byte[] errorText, byte[] parameters, byte[] data, byte[] tail) {
    /** Largest application data in one record: a compact record or one streamed chunk. */
    public static final int MAX_CHUNK = 28_000;
    /** The last word of the compact tail: the maximum RFC packet size, 0x8500 in every capture. */
    public static final int MAXIMUM_RFC_PACKET_SIZE = 0x8500;
    private static final byte[] NONE = new byte[0];
    private static final Set<AppcFunction> CONTROL_WITH_PARAMETERS = EnumSet.of(
            AppcFunction.F_INITIALIZE_CONVERSATION, AppcFunction.F_SET_PARTNER_LU_NAME, AppcFunction.F_SAP_INIT);

    /** A record with only a header. */
    public static AppcRecord of(AppcHeader header) {
        return new AppcRecord(header, NONE, NONE, NONE, NONE);
    }

    /** A control record with parameters; sets the header's parameter length. */
    public static AppcRecord withParameters(AppcHeader header, byte[] parameters) {
        header.sapParameterLength(parameters.length);
        return new AppcRecord(header, NONE, parameters, NONE, NONE);
    }

    /** A data record without tail. */
    public static AppcRecord withData(AppcHeader header, byte[] data) {
        return new AppcRecord(header, NONE, NONE, data, NONE);
    }

    /** A record whose header announces an error text, e.g. a gateway {@code *ERR*} block. */
    public static AppcRecord withError(AppcHeader header, byte[] errorText) {
        header.errorLength(errorText.length).info(header.info() | AppcFlags.Info.WITH_ERR_INFO.bit());
        return new AppcRecord(header, errorText, NONE, NONE, NONE);
    }

    /** The compact tail for {@code dataLength} bytes of data. */
    public static byte[] compactTail(int dataLength) {
        byte[] tail = new byte[8];
        Bytes.putU16(tail, 2, dataLength);
        Bytes.putI32(tail, 4, MAXIMUM_RFC_PACKET_SIZE);
        return tail;
    }

    /**
     * Splits a record's payload.
     *
     * <p>Which bytes after the header are a compact tail is not written in any header field we know:
     * a data record whose header announces 8 parameter bytes and whose last 8 bytes read
     * {@code 0000 <length of the rest> ....} carries a tail (client requests); otherwise the bytes are
     * all data (the captured replies announce 8 but carry none). Inference from the captures.
     */
    public static AppcRecord decode(byte[] payload) throws RfcProtocolException {
        AppcHeader header = AppcHeader.decode(payload);
        int position = AppcHeader.LENGTH;
        int errorLength = header.errorLength();
        if (errorLength > payload.length - position) {
            throw new RfcProtocolException("APPC header announces an error text of " + errorLength + " bytes but only "
                    + (payload.length - position) + " follow", 8);
        }
        byte[] errorText = Arrays.copyOfRange(payload, position, position + errorLength);
        position += errorLength;
        int rest = payload.length - position;
        AppcFunction function = header.appcFunction();
        // a reply echoes the request's header, parameter length included, without the parameters
        if (function != null && CONTROL_WITH_PARAMETERS.contains(function) && header.sapParameterLength() > 0
                && rest > 0) {
            int length = header.sapParameterLength();
            if (length > rest) {
                throw new RfcProtocolException(function + " announces " + length + " parameter bytes but only " + rest
                        + " follow", 26);
            }
            return new AppcRecord(header, errorText, Arrays.copyOfRange(payload, position, position + length),
                    Arrays.copyOfRange(payload, position + length, payload.length), NONE);
        }
        if (header.sapParameterLength() == 8 && rest >= 8) {
            int tailAt = payload.length - 8;
            if (Bytes.u16(payload, tailAt) == 0 && Bytes.u16(payload, tailAt + 2) == rest - 8) {
                return new AppcRecord(header, errorText, NONE, Arrays.copyOfRange(payload, position, tailAt),
                        Arrays.copyOfRange(payload, tailAt, payload.length));
            }
        }
        return new AppcRecord(header, errorText, NONE, Arrays.copyOfRange(payload, position, payload.length), NONE);
    }

    /** The record's payload (header and everything after it). */
    public byte[] encode() {
        byte[] payload = new byte[AppcHeader.LENGTH + errorText.length + parameters.length + data.length + tail.length];
        header.encode(payload, 0);
        int position = AppcHeader.LENGTH;
        for (byte[] part : new byte[][] {errorText, parameters, data, tail}) {
            System.arraycopy(part, 0, payload, position, part.length);
            position += part.length;
        }
        return payload;
    }

    /** True if the payload is an APPC record (first byte 6 and at least a header). */
    public static boolean isAppcRecord(byte[] payload) {
        return payload.length >= AppcHeader.LENGTH && payload[0] == AppcHeader.VERSION;
    }
}
