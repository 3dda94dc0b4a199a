package org.rfcbridge.cpic.internal;

import org.rfcbridge.api.SystemFailureException;

/**
 * Whether the request arriving on one registered connection may grow further: within its listener's bound
 * ({@code max.request.mb}) and, once it is large, within the bridge's {@link RequestMemory}. A request refused here
 * is read to its end and thrown away, and the ABAP caller gets SYSTEM_FAILURE naming the setting; the connection
 * stays registered.
 */
final class RequestAdmission {
    /** Requests up to this size never wait for the bridge's budget: every connection may hold one. */
    static final long SMALL_REQUEST_BYTES = 1 << 20;

    private final RequestMemory memory;
    private final long maxCallBytes;
    /** What the call in progress reserved in {@link #memory}; 0 while it is small. */
    private long reserved;

    RequestAdmission(RequestMemory memory, long maxCallBytes) {
        this.memory = memory;
        this.maxCallBytes = maxCallBytes;
    }

    /**
     * Asked before the call's request holds {@code total} bytes: may it? A large request reserves its bound at
     * once, waiting for other calls to end if the bridge's budget is taken.
     *
     * @return null if it may, or the error the ABAP caller gets
     */
    SystemFailureException admit(long total) throws InterruptedException {
        long budget = memory.limit();
        long bound = Math.min(maxCallBytes, budget);
        if (total > bound) {
            return new SystemFailureException("RFC Bridge refused the call: its request is larger than "
                    + RequestMemory.megabytes(bound) + (bound == maxCallBytes
                    ? " (setting max.request.mb of the listener)"
                    : " (setting max.large.requests.mb of org.rfcbridge.memory)"));
        }
        if (total > SMALL_REQUEST_BYTES && reserved == 0) {
            if (!memory.reserve(bound)) {
                return new SystemFailureException("RFC Bridge is busy: other large calls held its memory for "
                        + "large requests (" + RequestMemory.megabytes(budget) + ", setting max.large.requests.mb of "
                        + "org.rfcbridge.memory) for longer than " + memory.maxWait().toSeconds() + " s "
                        + "(large.request.wait); call again later");
            }
            reserved = bound;
        }
        return null;
    }

    /** The call ended: what it reserved goes back to the bridge. */
    void callEnded() {
        if (reserved > 0) {
            memory.release(reserved);
            reserved = 0;
        }
    }
}
