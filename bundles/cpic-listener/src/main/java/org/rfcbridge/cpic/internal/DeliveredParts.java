package org.rfcbridge.cpic.internal;

import java.io.IOException;
import java.util.function.Consumer;

import org.rfcbridge.protocol.classic.StreamedResponse;

/**
 * Where a call's leading reply parts go, from a connection that also says when the reply's last part has gone to
 * the gateway. A call's record ends then: the call log says COMMUNICATION_FAILURE for a reply the gateway
 * connection broke on instead of a success, and the caller's reply does not wait for the bookkeeping.
 */
interface DeliveredParts extends StreamedResponse.Parts {
    /**
     * Runs {@code then} once, on the connection's thread, after the reply's last part: with null if it was written
     * to the gateway, with the failure if it was not. Called after the handler returned the reply; not called when
     * the handler threw.
     */
    void whenDelivered(Consumer<IOException> then);
}
