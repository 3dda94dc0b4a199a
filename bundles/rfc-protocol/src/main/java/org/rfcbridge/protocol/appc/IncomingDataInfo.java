package org.rfcbridge.protocol.appc;

import org.rfcbridge.protocol.Bytes;

/**
 * Operation info of data a gateway delivers (F_SAP_SEND replies, F_RECEIVE continuations,
 * acknowledgements), as captured from NetWeaver 7.58 ({@code protocol-cpic.md} §2.4.2).
 *
 * <p>Bytes 4-7 (captured value 2) and 12-15 (captured value 1) have no known meaning; they are
 * written as captured. Unverified beyond the captures.
 *
 * @param receiveCapacity    bytes 2-3, 28000 (0x6d60); not a length
 * @param dataLength         bytes 10-11: data in this record
 * @param codePage           bytes 21-24, ASCII: {@code 4103} or {@code 1100}
 * @param communicationIndex bytes 28-29
 * @param connectionIndex    bytes 30-31
 */
public record IncomingDataInfo(int receiveCapacity, int dataLength, String codePage, int communicationIndex,
                               int connectionIndex) {
    /** The receive capacity every capture shows. */
    public static final int CAPACITY = 28_000;
    private static final int CAPTURED_WORD_4 = 2;
    private static final int CAPTURED_WORD_12 = 1;

    /** Reads the variant. */
    public static IncomingDataInfo decode(byte[] op) {
        return new IncomingDataInfo(Bytes.u16(op, 2), Bytes.u16(op, 10), Bytes.latin1(op, 21, 4), Bytes.u16(op, 28),
                Bytes.u16(op, 30));
    }

    /** The 32 bytes of operation info. */
    public byte[] encode() {
        byte[] op = new byte[32];
        Bytes.putU16(op, 2, receiveCapacity);
        Bytes.putI32(op, 4, CAPTURED_WORD_4);
        Bytes.putU16(op, 10, dataLength);
        Bytes.putI32(op, 12, CAPTURED_WORD_12);
        Bytes.putLatin1(op, 21, 4, codePage, (byte) 0);
        Bytes.putU16(op, 28, communicationIndex);
        Bytes.putU16(op, 30, connectionIndex);
        return op;
    }
}
