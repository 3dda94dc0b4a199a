package org.rfcbridge.protocol.appc;

import java.util.Arrays;

import org.rfcbridge.protocol.Bytes;

/**
 * Operation info of F_SET_PARTNER_LU_NAME ({@code protocol-cpic.md} §2.4.2).
 *
 * @param luNamePrefix       bytes 0-7
 * @param luNameLength       bytes 8-11
 * @param partnerHostAddress bytes 12-27
 * @param communicationIndex bytes 28-29
 * @param connectionIndex    bytes 30-31
 */
public record PartnerLuInfo(String luNamePrefix, long luNameLength, byte[] partnerHostAddress, int communicationIndex,
                            int connectionIndex) {
    /** Reads the variant. */
    public static PartnerLuInfo decode(byte[] op) {
        return new PartnerLuInfo(Bytes.latin1(op, 0, 8), Bytes.u32(op, 8), Arrays.copyOfRange(op, 12, 28),
                Bytes.u16(op, 28), Bytes.u16(op, 30));
    }

    /** The 32 bytes of operation info. */
    public byte[] encode() {
        byte[] op = new byte[32];
        Bytes.putLatin1(op, 0, 8, luNamePrefix, (byte) ' ');
        Bytes.putI32(op, 8, luNameLength);
        System.arraycopy(partnerHostAddress, 0, op, 12, 16);
        Bytes.putU16(op, 28, communicationIndex);
        Bytes.putU16(op, 30, connectionIndex);
        return op;
    }
}
