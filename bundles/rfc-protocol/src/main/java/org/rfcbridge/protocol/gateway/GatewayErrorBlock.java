package org.rfcbridge.protocol.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.rfcbridge.protocol.RfcProtocolException;

/**
 * A gateway error text: NUL-separated ASCII fields framed by {@code *ERR*}: severity, message, return
 * code, component ({@code SAP-Gateway}), release, a second severity, source file, line, time stamp,
 * and "SAP-Gateway on host X / sapgwNN" among others (kloris/SAPology {@code parse_gateway_error},
 * {@code protocol-cpic.md} §2.9). Only the positions of message, code and component are relied on.
 *
 * @param fields the fields between the markers, in order
 */
public record GatewayErrorBlock(List<String> fields) {
    private static final String MARKER = "*ERR*";

    /** A block for a gateway error as the simulated gateway sends it. */
    public static GatewayErrorBlock of(String message, int returnCode, String host, String service) {
        return new GatewayErrorBlock(List.of("1", message, Integer.toString(returnCode), "SAP-Gateway", "758", "1",
                "gwr3cpic.c", "0", "", "SAP-Gateway on host " + host + " / " + service));
    }

    /** The message text (second field), empty if absent. */
    public String message() {
        return fields.size() > 1 ? fields.get(1) : "";
    }

    /** The SAP return code (third field), -1 if absent or not a number. */
    public int returnCode() {
        try {
            return fields.size() > 2 ? Integer.parseInt(fields.get(2).trim()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** True if the bytes start with the {@code *ERR*} marker. */
    public static boolean isErrorBlock(byte[] text) {
        return text.length >= MARKER.length()
                && new String(text, 0, MARKER.length(), StandardCharsets.US_ASCII).equals(MARKER);
    }

    /** Parses a block. */
    public static GatewayErrorBlock decode(byte[] text) throws RfcProtocolException {
        if (!isErrorBlock(text)) {
            throw new RfcProtocolException("a gateway error block starts with *ERR*", 0);
        }
        String[] parts = new String(text, StandardCharsets.ISO_8859_1).split("\0", -1);
        List<String> fields = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].equals(MARKER)) {
                return new GatewayErrorBlock(fields);
            }
            fields.add(parts[i]);
        }
        throw new RfcProtocolException("the gateway error block has no closing *ERR*", text.length);
    }

    /** Encodes the block: {@code *ERR*\0field\0...\0*ERR*\0}. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((MARKER + "\0").getBytes(StandardCharsets.ISO_8859_1));
        for (String field : fields) {
            out.writeBytes((field + "\0").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes((MARKER + "\0").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
