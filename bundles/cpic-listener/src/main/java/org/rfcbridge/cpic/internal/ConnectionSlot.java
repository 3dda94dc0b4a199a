package org.rfcbridge.cpic.internal;

import java.time.Instant;

import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.ConnectionStatus;

/** One registered connection of a listener: its state since when, and why it is DEAD if it is. */
final class ConnectionSlot {
    final int index;
    private volatile ConnectionState state = ConnectionState.STOPPED;
    private volatile Instant since = Instant.now();
    private volatile String lastError = "";
    volatile RegisteredConnection connection;
    /** The last event logged for this connection (numbers masked), so a repeated one is logged once. */
    String lastLoggedEvent = "";

    ConnectionSlot(int index) {
        this.index = index;
    }

    void set(ConnectionState newState) {
        state = newState;
        since = Instant.now();
    }

    void fail(String error, ListenerCounters counters) {
        lastError = error;
        counters.connectionError("connection " + index + ": " + error);
        set(ConnectionState.DEAD);
    }

    ConnectionState state() {
        return state;
    }

    String lastError() {
        return lastError;
    }

    ConnectionStatus status() {
        return new ConnectionStatus(index, state, since, lastError);
    }
}
