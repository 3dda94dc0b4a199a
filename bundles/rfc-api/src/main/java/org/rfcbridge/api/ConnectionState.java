package org.rfcbridge.api;

/** State of a listener or one of its registered connections. */
public enum ConnectionState {
    /** Not running (disabled or stopped by an administrator). */
    STOPPED,
    /** Connecting or registering at the gateway. */
    STARTING,
    /** Registered and waiting for calls. */
    ALIVE,
    /** Serving a call. */
    BUSY,
    /** Lost or refused; retrying with back-off. The last error says why. */
    DEAD
}
