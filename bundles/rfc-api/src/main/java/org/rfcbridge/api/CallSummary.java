package org.rfcbridge.api;

import java.time.Instant;

/**
 * One call the bridge served, as the call log, the metrics and the web console's recent calls show it.
 * No parameter value unless the listener's setting {@code call.log.values} asks for them, and never a password.
 *
 * @param id          the call id that the ABAP caller also sees in an error text (12 hex digits)
 * @param end         when the call ended
 * @param listener    the Program ID it came in through
 * @param sender      the calling system's ID and client, e.g. {@code YI3000}; {@code ?} if not known
 * @param receiver    the SM59 destination the caller used; {@code ?} if not known
 * @param user        the caller's user; {@code ?} if not known
 * @param function    the function module; {@code ?} if not known
 * @param rule        the routing rule that chose the destination, {@value CallRouter.Route#NO_RULE} if none did
 * @param destination where it went, {@value CallRouter.Route#NO_RULE} if nowhere
 * @param bytesIn     bytes of the call as received from the gateway
 * @param bytesOut    bytes of the reply sent back
 * @param rows        rows of all its tables (0 when the call log is off, which skips counting)
 * @param totalNanos  elapsed time in the bridge from the call's arrival to its reply
 * @param cloudNanos  of which waiting for the destination
 * @param result      {@link #OK}, or the {@link RfcErrorKind} name of the error the caller got
 * @param errorText   the error's text on one line; empty when the result is OK
 * @param values      the call's IMPORTING and CHANGING values as JSON, only where the listener's setting
 *                    {@code call.log.values} asks for them (tables as row counts, password fields as ***); else empty
 */
public record CallSummary(String id, Instant end, String listener, String sender, String receiver, String user,
                          String function, String rule, String destination, long bytesIn, long bytesOut, long rows,
                          long totalNanos, long cloudNanos, String result, String errorText, String values) {
    /** The result of a call that succeeded (an ABAP exception is not OK: the caller's EXCEPTIONS clause gets it). */
    public static final String OK = "OK";

    /** True if the call succeeded. */
    public boolean ok() {
        return OK.equals(result);
    }
}
