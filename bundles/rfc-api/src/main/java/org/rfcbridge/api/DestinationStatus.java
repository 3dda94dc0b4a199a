package org.rfcbridge.api;

/**
 * A destination as an administrator sees it in {@code rfc:server-list} and the web console.
 *
 * @param name         the destination's name
 * @param kind         how it is reached, e.g. {@code WebSocket}
 * @param address      where, e.g. {@code wss://host:443/sap/bc/rfc} (never with credentials)
 * @param state        {@link ConnectionState#ALIVE} while usable, {@link ConnectionState#BUSY} when every
 *                     session is serving a call, {@link ConnectionState#DEAD} when the configuration is
 *                     unusable or the last attempt to reach the system failed
 * @param openSessions sessions open now
 * @param poolSize     sessions at most
 * @param calls        calls since the destination started
 * @param errors       calls that failed
 * @param lastError    the last failure's text, empty if none
 * @param busySessions sessions serving a call now
 * @param peakBusy     most sessions serving calls at once since the destination started
 */
public record DestinationStatus(String name, String kind, String address, ConnectionState state, int openSessions,
                                int poolSize, long calls, long errors, String lastError, int busySessions,
                                int peakBusy) {
    /** A status of a destination that does not count its busy sessions. */
    public DestinationStatus(String name, String kind, String address, ConnectionState state, int openSessions,
                             int poolSize, long calls, long errors, String lastError) {
        this(name, kind, address, state, openSessions, poolSize, calls, errors, lastError, 0, 0);
    }
}
