package org.rfcbridge.protocol.trace;

/**
 * The records of one call as they cross the wire, for a support case ("send us the trace"). A trace keeps what
 * it is given until it is closed; {@link #OFF} keeps nothing.
 */
public interface WireTrace extends AutoCloseable {
    /** The trace of a call that is not traced. */
    WireTrace OFF = new WireTrace() {
        @Override
        public void record(byte[] payload, int offset, int length) {
        }

        @Override
        public long room() {
            return 0;
        }

        @Override
        public void close() {
        }
    };

    /** One record (an NI record's payload, or one whole WebSocket message). */
    void record(byte[] payload, int offset, int length);

    /** One whole record. */
    default void record(byte[] payload) {
        record(payload, 0, payload.length);
    }

    /** Bytes the trace can still take; a record larger than this is left out (0 when the call is not traced). */
    long room();

    /** The call ended. */
    @Override
    void close();
}
