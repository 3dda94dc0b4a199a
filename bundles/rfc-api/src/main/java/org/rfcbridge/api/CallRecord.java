package org.rfcbridge.api;

import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.ParameterMetadata;

/**
 * One call while a listener serves it: what the call log, the metrics and the recent calls learn of it when it
 * ends ({@link CallSummary}), with the call id that the ABAP caller also sees in an error text
 * ({@link #errorPrefix()}). Used by one thread, the call's. No parameter value unless the listener's setting asks
 * for them ({@link #values}), and never a password.
 */
public final class CallRecord {
    /** 48 random bits as 12 hex digits: short enough to read out from a short dump, unique enough for a log. */
    private final String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(4);
    private final String listener;
    private final long start = System.nanoTime();
    private long bytesIn;
    private String sender = "?";
    private String receiver = "?";
    private String user = "?";
    private String function = "?";
    private String rule = CallRouter.Route.NO_RULE;
    private String destination = CallRouter.Route.NO_RULE;
    private long bytesOut;
    private long rows;
    private long cloudNanos;
    private String result = CallSummary.OK;
    private String errorText = "";
    private String values = "";

    /**
     * @param listener the Program ID the call came in through
     * @param bytesIn  the bytes of the call as received
     */
    public CallRecord(String listener, long bytesIn) {
        this.listener = listener;
        this.bytesIn = bytesIn;
    }

    /** More bytes of the call received, for a request passed on while it arrives. */
    public void received(long bytes) {
        bytesIn += bytes;
    }

    /** The call id. */
    public String id() {
        return id;
    }

    /** What an error text the caller gets starts with: {@code RFC Bridge call <id>}. */
    public String errorPrefix() {
        return "RFC Bridge call " + id;
    }

    /** Who called: the calling system's ID and client (e.g. {@code YI3000}), the SM59 destination, the user. */
    public void caller(String senderSystemAndClient, String sm59Destination, String callerUser) {
        sender = senderSystemAndClient;
        receiver = sm59Destination;
        user = callerUser;
    }

    /** The function module called. */
    public void function(String name) {
        function = name;
    }

    /** Where routing sent the call. */
    public void routed(CallRouter.Route route) {
        rule = route.rule();
        destination = route.destination().name();
    }

    /** Reply bytes sent to the caller (adds up). */
    public void sent(long bytes) {
        bytesOut += bytes;
    }

    /** Time spent waiting for the destination (adds up). */
    public void inDestination(long nanos) {
        cloudNanos += nanos;
    }

    /** Counts the rows of every table of the call, in and out. */
    public void countRows(Function call) {
        long count = 0;
        for (ParameterMetadata p : call.metadata().parameters()) {
            if (p.type() == AbapType.TABLE) {
                count += call.parameters(p.direction()).getTable(p.name()).getNumRows();
            }
        }
        rows = count;
    }

    /** The call's values as JSON, where the listener's setting {@code call.log.values} asks for them. */
    public void values(String json) {
        values = json;
    }

    /** The call ended with this error. */
    public void failed(RfcException error) {
        result = error.kind().name();
        errorText = oneLine(error.getMessage());
    }

    /** The call ended with a failure of the connection to the caller (while its reply was sent). */
    public void broke(String reason) {
        result = RfcErrorKind.COMMUNICATION_FAILURE.name();
        errorText = oneLine(reason);
    }

    /** Tells the observer (call log, metrics, recent calls) that the call ended. */
    public void end(CallObserver observer) {
        long total = System.nanoTime() - start;
        observer.callEnded(new CallSummary(id, Instant.now(), listener, sender, receiver, user, function, rule,
                destination, bytesIn, bytesOut, rows, total, cloudNanos, result, errorText, values));
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replaceAll("[\\r\\n]+", " ");
    }
}
