package org.rfcbridge.protocol.appc;

import java.util.Arrays;

import org.rfcbridge.protocol.Bytes;
import org.rfcbridge.protocol.RfcProtocolException;

/**
 * The 373 SAP parameter bytes of F_INITIALIZE_CONVERSATION (and of an ABAP client's F_SAP_INIT):
 * a 32-byte client identifier and 341 bytes of extended init options. Layout from open-rfc
 * {@code appc.ts}, byte for byte equal to the captured NW RFC SDK record ({@code protocol-cpic.md} §2.4.3).
 * Reserved areas are kept as bytes so a decoded block encodes to the same bytes.
 */
public record InitializeParameters(String clientId, int version, int optionFlags, String protocolName, String rootId,
                                   String connectionId, long connectionIdSuffix, int timeout, int keepaliveTimeout,
                                   int exportTrace, int startType, int networkProtocol, byte[] localIpv6,
                                   String longLuName, byte[] reserved1, String osUser, byte[] reserved2,
                                   byte[] localIpv4, byte[] reserved3, String longTpName) {
    /** Length of the block. */
    public static final int LENGTH = 373;

    /** The values a client writes, with the given identifiers. */
    public static InitializeParameters client(String clientId, String rootId, String connectionId, String luName,
                                              String osUser, String tpName) {
        return new InitializeParameters(clientId, 1, 1, "CPIC", rootId, connectionId, 1, -2, -2, 2, 0, 0,
                new byte[16], luName, new byte[16], osUser, new byte[40], new byte[4], new byte[4], tpName);
    }

    /** Decodes the block. */
    public static InitializeParameters decode(byte[] b, int offset) throws RfcProtocolException {
        if (b.length - offset < LENGTH) {
            throw new RfcProtocolException("F_INITIALIZE parameters need " + LENGTH + " bytes, only "
                    + (b.length - offset) + " are there", offset);
        }
        int o = offset;
        return new InitializeParameters(Bytes.latin1(b, o, 32), b[o + 32] & 0xff, b[o + 33] & 0xff,
                Bytes.latin1(b, o + 34, 8), Bytes.latin1(b, o + 42, 16), Bytes.latin1(b, o + 58, 16), Bytes.u32(b, o + 74),
                Bytes.i32(b, o + 78), Bytes.i32(b, o + 82), b[o + 86] & 0xff, b[o + 87] & 0xff, b[o + 88] & 0xff,
                Arrays.copyOfRange(b, o + 89, o + 105), Bytes.latin1(b, o + 105, 128), Arrays.copyOfRange(b, o + 233, o + 249),
                Bytes.latin1(b, o + 249, 12), Arrays.copyOfRange(b, o + 261, o + 301), Arrays.copyOfRange(b, o + 301, o + 305),
                Arrays.copyOfRange(b, o + 305, o + 309), Bytes.latin1(b, o + 309, 64));
    }

    /** Encodes the 373 bytes. */
    public byte[] encode() {
        byte[] b = new byte[LENGTH];
        Bytes.putLatin1(b, 0, 32, clientId, (byte) ' ');
        b[32] = (byte) version;
        b[33] = (byte) optionFlags;
        Bytes.putLatin1(b, 34, 8, protocolName, (byte) 0);
        Bytes.putLatin1(b, 42, 16, rootId, (byte) ' ');
        Bytes.putLatin1(b, 58, 16, connectionId, (byte) ' ');
        Bytes.putI32(b, 74, connectionIdSuffix);
        Bytes.putI32(b, 78, timeout);
        Bytes.putI32(b, 82, keepaliveTimeout);
        b[86] = (byte) exportTrace;
        b[87] = (byte) startType;
        b[88] = (byte) networkProtocol;
        System.arraycopy(localIpv6, 0, b, 89, 16);
        Bytes.putLatin1(b, 105, 128, longLuName, (byte) 0);
        System.arraycopy(reserved1, 0, b, 233, 16);
        Bytes.putLatin1(b, 249, 12, osUser, (byte) ' ');
        System.arraycopy(reserved2, 0, b, 261, 40);
        System.arraycopy(localIpv4, 0, b, 301, 4);
        System.arraycopy(reserved3, 0, b, 305, 4);
        Bytes.putLatin1(b, 309, 64, longTpName, (byte) 0);
        return b;
    }
}
