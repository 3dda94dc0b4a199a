package org.rfcbridge.protocol.appc;

import org.rfcbridge.protocol.Bytes;

/**
 * Operation info of data a client sends (F_SAP_SEND, F_ASEND_DATA, F_SEND_DATA): {@code u16 0},
 * {@code u16} data length, 24 zero bytes, communication and connection index ({@code protocol-cpic.md} §2.4.2).
 *
 * @param dataLength         bytes 2-3
 * @param communicationIndex bytes 28-29
 * @param connectionIndex    bytes 30-31
 */
public record DataInfo(int dataLength, int communicationIndex, int connectionIndex) {
    /** Reads the variant. */
    public static DataInfo decode(byte[] op) {
        return new DataInfo(Bytes.u16(op, 2), Bytes.u16(op, 28), Bytes.u16(op, 30));
    }

    /** The 32 bytes of operation info. */
    public byte[] encode() {
        byte[] op = new byte[32];
        Bytes.putU16(op, 2, dataLength);
        Bytes.putU16(op, 28, communicationIndex);
        Bytes.putU16(op, 30, connectionIndex);
        return op;
    }
}
