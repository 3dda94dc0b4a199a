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
    /** How the last error of a destination whose configuration cannot be used begins. */
    public static final String NOT_USABLE = "not usable: ";

    /** The status of a destination whose configuration cannot be used: DEAD, the problem naming the field. */
    public static DestinationStatus rejected(String name, String kind, String address, String problem) {
        return new DestinationStatus(name, kind, address, ConnectionState.DEAD, 0, 0, 0, 0, NOT_USABLE + problem);
    }

    /** True if the destination's configuration was rejected ({@link #rejected}); the problem is then the rest of the last error. */
    public boolean configurationRejected() {
        return state == ConnectionState.DEAD && lastError.startsWith(NOT_USABLE);
    }

    /** A status of a destination that does not count its busy sessions. */
    public DestinationStatus(String name, String kind, String address, ConnectionState state, int openSessions,
                             int poolSize, long calls, long errors, String lastError) {
        this(name, kind, address, state, openSessions, poolSize, calls, errors, lastError, 0, 0);
    }
}
