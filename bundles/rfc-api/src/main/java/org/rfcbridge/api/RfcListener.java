package org.rfcbridge.api;

import java.util.List;

/**
 * A registered server program at an SAP gateway (SAP BC's "Listener"): a Program ID with a number of
 * registered connections that accept calls from the on-premise system.
 */
public interface RfcListener {
    /** The listener's name as configured. */
    String name();

    /** The Program ID it registers, e.g. {@code CLOUD_SYSTEM_VIA_BC}. */
    String programId();

    /** The listener's overall state: ALIVE if any connection is registered, else the most telling one. */
    ConnectionState state();

    /** Each registered connection. */
    List<ConnectionStatus> connections();

    /** Counters since the start. */
    ListenerStatistics statistics();

    /** The last error text of any connection, empty if none. */
    String lastError();

    /** Registers the connections (no effect if running). */
    void start();

    /** Unregisters the connections, letting calls in flight finish up to the configured timeout. */
    void stop();

    /** The SAP server (CPIC) whose gateway it registers at, e.g. {@code Connection_to_OP}; empty if not known. */
    default String server() {
        return "";
    }

    /** That server's gateway as {@code host:port}, empty while the server is not configured or not usable. */
    default String gateway() {
        return "";
    }

    /**
     * Writes the wire records of the next {@code calls} calls to trace files in {@code data/trace/} (passwords
     * blanked), for a support case; 0 stops. Audited.
     *
     * @throws UnsupportedOperationException if this listener cannot trace
     * @throws IllegalStateException if it is not running
     */
    default void traceNextCalls(int calls) {
        throw new UnsupportedOperationException("This listener cannot write a wire trace");
    }
}
