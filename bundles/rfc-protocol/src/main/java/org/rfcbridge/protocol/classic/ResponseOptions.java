package org.rfcbridge.protocol.classic;

/**
 * What a success reply carries besides the parameters ({@code protocol-cpic-2026.md} §1.8).
 *
 * @param sessionId      16-byte RFC GUID for {@code 0x0514}, or {@code null} to leave it out (a registered
 *                       server's reply to a type-T caller must leave it out: "RFC GUID inconsistency")
 * @param programName    program name for {@code 0x0130}, padded to 40 characters
 * @param durationMicros the server's own call duration for {@code 0x0667}, in microseconds
 */
public record ResponseOptions(byte[] sessionId, String programName, double durationMicros) {
    /** A registered server's reply: no session id. */
    public static ResponseOptions registeredServer(String programName, double durationMicros) {
        return new ResponseOptions(null, programName, durationMicros);
    }
}
