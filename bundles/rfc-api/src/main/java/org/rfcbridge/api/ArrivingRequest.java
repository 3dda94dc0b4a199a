package org.rfcbridge.api;

import java.io.IOException;

/**
 * The rest of a call's request while it still arrives from the caller: a destination that sends a call while
 * its request arrives ({@link RfcDestination#streamsRequests()}) pulls it in piece by piece, after it has set
 * its {@link org.rfcbridge.api.data.RowStream} on the call's tables, so the rows pass through instead of being
 * kept. Each piece decodes into the call: values into its parameters, rows into its tables (or their streams).
 */
@FunctionalInterface
public interface ArrivingRequest {
    /**
     * Decodes the next piece of the request into the call, waiting for it to arrive.
     *
     * @return false once the request is complete (nothing was decoded)
     * @throws IOException if the rest of the request cannot be had (the caller's connection closed, a malformed
     *                     piece): the call must end without a reply to the destination
     */
    boolean arrive() throws IOException;

    /** A request that has arrived whole already. */
    ArrivingRequest COMPLETE = () -> false;
}
