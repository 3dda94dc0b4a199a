package org.rfcbridge.jco.internal;

import com.sap.conn.jco.server.JCoServerState;

import org.rfcbridge.api.ConnectionState;

/** JCoServer's states as the listener states of {@code rfc:listener-list}. */
final class JCoServerStates {
    private JCoServerStates() {
    }

    static ConnectionState of(JCoServerState state) {
        if (state == null) {
            return ConnectionState.STOPPED;
        }
        switch (state) {
            case STARTED:
                return ConnectionState.STARTING;             // started, not yet registered at the gateway
            case ALIVE:
                return ConnectionState.ALIVE;
            case STOPPING:
            case STOPPED:
                return ConnectionState.STOPPED;
            case DEAD:
            default:
                return ConnectionState.DEAD;                 // and any state a later JCo adds
        }
    }
}
