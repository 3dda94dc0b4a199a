package org.rfcbridge.api;

/**
 * Told of every call a listener served (the whiteboard pattern: register one as a service). Called on the
 * call's own thread after its reply went out, so it must return at once: queue, count, never wait.
 */
public interface CallObserver {
    /** A call ended. */
    void callEnded(CallSummary call);
}
