package org.rfcbridge.api;

import java.time.Duration;

import org.rfcbridge.api.data.Function;

/**
 * A system the bridge calls functions in: SAP BC's "SAP Server" (for example {@code
 * Connection_to_Cloud}, a WebSocket RFC destination). Registered as an OSGi service with the
 * property {@link #NAME_PROPERTY}.
 */
public interface RfcDestination {
    /**
     * Service property holding the destination's name: the {@code name} of its configuration, which
     * Declarative Services publishes as a service property as it is.
     */
    String NAME_PROPERTY = "name";

    /** The destination's name as configured. */
    String name();

    /**
     * Calls the function in the destination: sends its IMPORTING, CHANGING and TABLES values and
     * replaces the EXPORTING, CHANGING and TABLES values by the result.
     *
     * @throws RfcException of the kind the ABAP caller should see, with a text naming this destination
     */
    void execute(Function function) throws RfcException;

    /**
     * SM59's "Connection Test" / SAP BC's "Test Connection": logs on (if needed) and calls RFC_PING.
     *
     * @return the elapsed time
     */
    Duration ping() throws RfcException;

    /** The repository that describes this destination's functions. */
    FunctionRepository repository();

    /** Its state and counters; a destination that keeps none reports itself ALIVE with zeros. */
    default DestinationStatus status() {
        return new DestinationStatus(name(), "other", "", ConnectionState.ALIVE, 0, 0, 0, 0, "");
    }

    /**
     * Writes the wire records of the next {@code calls} calls to trace files in {@code data/trace/} (passwords
     * blanked), for a support case; 0 stops. Audited.
     *
     * @throws UnsupportedOperationException if this destination cannot trace
     * @throws IllegalStateException if it is not running
     */
    default void traceNextCalls(int calls) {
        throw new UnsupportedOperationException("This destination cannot write a wire trace");
    }
}
