package org.rfcbridge.protocol.appc;

import org.rfcbridge.protocol.Bytes;

/**
 * Operation info of F_INITIALIZE, F_ALLOCATE, F_DEALLOCATE and client F_SAP_SEND records
 * ({@code protocol-cpic.md} §2.4.2). Names are ASCII, space-padded; an absent name is all NUL.
 *
 * @param shortDestination   bytes 0-7
 * @param lu                 bytes 8-15
 * @param tp                 bytes 16-23
 * @param connectionType     byte 24: 'C' R/2, 'I' R/3, 'E' started program, 'R' registered program
 * @param clientInfo         byte 25: 0 none, 1 external client, 2 R/3 client
 * @param communicationIndex bytes 28-29
 * @param connectionIndex    bytes 30-31
 */
public record ExtendedInfo(String shortDestination, String lu, String tp, int connectionType, int clientInfo,
                           int communicationIndex, int connectionIndex) {
    /** Reads the variant from 32 bytes of operation info. */
    public static ExtendedInfo decode(byte[] op) {
        return new ExtendedInfo(Bytes.latin1(op, 0, 8), Bytes.latin1(op, 8, 8), Bytes.latin1(op, 16, 8), op[24] & 0xff,
                op[25] & 0xff, Bytes.u16(op, 28), Bytes.u16(op, 30));
    }

    /** The 32 bytes of operation info. */
    public byte[] encode() {
        byte[] op = new byte[32];
        Bytes.putLatin1(op, 0, 8, shortDestination, (byte) ' ');
        Bytes.putLatin1(op, 8, 8, lu, (byte) ' ');
        Bytes.putLatin1(op, 16, 8, tp, (byte) ' ');
        op[24] = (byte) connectionType;
        op[25] = (byte) clientInfo;
        Bytes.putU16(op, 28, communicationIndex);
        Bytes.putU16(op, 30, connectionIndex);
        return op;
    }
}
