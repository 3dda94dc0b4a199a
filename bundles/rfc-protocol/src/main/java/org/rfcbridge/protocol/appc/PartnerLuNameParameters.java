package org.rfcbridge.protocol.appc;

import java.util.Arrays;

import org.rfcbridge.protocol.Bytes;
import org.rfcbridge.protocol.RfcProtocolException;

/**
 * The 144 SAP parameter bytes of F_SET_PARTNER_LU_NAME: a 128-byte long LU name, space-padded, and a
 * 16-byte partner host address (open-rfc {@code appc.ts}; {@code protocol-cpic.md} §2.4.3).
 *
 * @param longLuName         the partner's long LU name
 * @param partnerHostAddress 16 bytes
 */
public record PartnerLuNameParameters(String longLuName, byte[] partnerHostAddress) {
    /** Length of the block. */
    public static final int LENGTH = 144;

    /** Decodes the block. */
    public static PartnerLuNameParameters decode(byte[] b, int offset) throws RfcProtocolException {
        if (b.length - offset < LENGTH) {
            throw new RfcProtocolException("F_SET_PARTNER_LU_NAME parameters need " + LENGTH + " bytes", offset);
        }
        return new PartnerLuNameParameters(Bytes.latin1(b, offset, 128), Arrays.copyOfRange(b, offset + 128, offset + 144));
    }

    /** Encodes the 144 bytes. */
    public byte[] encode() {
        byte[] b = new byte[LENGTH];
        Bytes.putLatin1(b, 0, 128, longLuName, (byte) ' ');
        System.arraycopy(partnerHostAddress, 0, b, 128, 16);
        return b;
    }
}
