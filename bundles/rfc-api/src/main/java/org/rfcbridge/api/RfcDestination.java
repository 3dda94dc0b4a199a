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

    /** What follows a call: it was answered ({@code failure} null, the result in the function), or it failed. */
    @FunctionalInterface
    interface Answered {
        void answered(RfcException failure);
    }

    /**
     * Calls the function as {@link #execute(Function)} does, without making the calling thread wait for the reply if
     * the destination can help it: {@code then} runs once, on whatever thread the outcome reaches (the WebSocket RFC
     * destination: the one that received the reply), and must not block. This default calls {@link
     * #execute(Function)} and then {@code then} on the calling thread.
     */
    default void execute(Function function, Answered then) {
        RfcException failure = null;
        try {
            execute(function);
        } catch (RfcException e) {
            failure = e;
        }
        then.answered(failure);
    }

    /**
     * True if this destination sends a call while its request still arrives ({@link #execute(Function,
     * ArrivingRequest)}), holding a bounded part of it; false (the default) if it needs the request whole.
     */
    default boolean streamsRequests() {
        return false;
    }

    /**
     * Calls the function while the rest of its request arrives: the values decoded so far are in {@code function},
     * the rest comes through {@code rest}. This default takes the rest whole, then calls {@link #execute(Function)};
     * a destination that {@link #streamsRequests()} sends it as it comes.
     *
     * @throws RfcException as {@link #execute(Function)}; the rest of the request may then be still unread
     * @throws java.io.UncheckedIOException what {@code rest} threw (after the destination let go of the call)
     */
    default void execute(Function function, ArrivingRequest rest) throws RfcException {
        try {
            while (rest.arrive()) {
                // the rows go to the call's tables, kept
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        execute(function);
    }

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
