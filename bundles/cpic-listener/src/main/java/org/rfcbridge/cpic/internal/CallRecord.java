package org.rfcbridge.cpic.internal;

import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.rfcbridge.api.CallObserver;
import org.rfcbridge.api.CallRouter;
import org.rfcbridge.api.CallSummary;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.ParameterMetadata;

/**
 * One call through a listener while it runs: what the call log, the metrics and the recent calls learn of it
 * ({@link CallSummary}), with the call id that the ABAP caller also sees in an error text. No parameter value
 * unless the listener's setting asks for them ({@link CallValues}), and never a password.
 */
final class CallRecord {
    /** 48 random bits as 12 hex digits: short enough to read out from a short dump, unique enough for a log. */
    final String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(4);
    private final String programId;
    private final long start = System.nanoTime();
    private final long bytesIn;
    String sender = "?";
    String receiver = "?";
    String user = "?";
    String function = "?";
    String rule = CallRouter.Route.NO_RULE;
    String destination = CallRouter.Route.NO_RULE;
    long bytesOut;
    long rows;
    long cloudNanos;
    private String result = CallSummary.OK;
    private String errorText = "";
    /** The call's values for the call log, where the listener's setting asks for them ({@link CallValues}). */
    String values = "";

    CallRecord(String programId, long bytesIn) {
        this.programId = programId;
        this.bytesIn = bytesIn;
    }

    /** The call ended with this error. */
    void failed(RfcException error) {
        result = error.kind().name();
        errorText = oneLine(error.getMessage());
    }

    /** The call ended with a failure of the connection to the caller (after parts of the reply were sent). */
    void broke(String reason) {
        result = "COMMUNICATION_FAILURE";
        errorText = oneLine(reason);
    }

    /** Counts the rows of every table of the call, in and out. */
    void countRows(Function call) {
        long count = 0;
        for (ParameterMetadata p : call.metadata().parameters()) {
            if (p.type() == AbapType.TABLE) {
                count += call.parameters(p.direction()).getTable(p.name()).getNumRows();
            }
        }
        rows = count;
    }

    /** Tells the observer (call log, metrics, recent calls) that the call ended. */
    void end(CallObserver observer) {
        long total = System.nanoTime() - start;
        observer.callEnded(new CallSummary(id, Instant.now(), programId, sender, receiver, user, function, rule,
                destination, bytesIn, bytesOut, rows, total, cloudNanos, result, errorText, values));
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replaceAll("[\\r\\n]+", " ");
    }
}
