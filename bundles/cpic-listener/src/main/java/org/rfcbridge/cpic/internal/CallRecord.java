package org.rfcbridge.cpic.internal;

import java.util.concurrent.ThreadLocalRandom;

import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.ParameterMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call through a listener, as the call log writes it: one line on the logger {@value #LOGGER} (its own
 * file, {@code data/log/calls.log}, through the shipped pax-logging configuration; its level there turns it
 * off), with the call id that the ABAP caller also sees in an error text. Never a parameter value, so never
 * a password.
 */
final class CallRecord {
    /** The call log's logger. */
    static final String LOGGER = "org.rfcbridge.calls";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    final String id = String.format("%012x", ThreadLocalRandom.current().nextLong() & 0xffff_ffff_ffffL);
    private final String programId;
    private final long start = System.nanoTime();
    private final long bytesIn;
    String sender = "?";
    String receiver = "?";
    String user = "?";
    String function = "?";
    String rule = "-";
    String destination = "-";
    long bytesOut;
    long rows;
    long cloudNanos;
    private String result = "OK";

    CallRecord(String programId, long bytesIn) {
        this.programId = programId;
        this.bytesIn = bytesIn;
    }

    /** The call ended with this error. */
    void failed(RfcException error) {
        result = error.kind() + " text=\"" + oneLine(error.getMessage()) + "\"";
    }

    /** The call ended with a failure of the connection to the caller (after parts of the reply were sent). */
    void broke(String reason) {
        result = "COMMUNICATION_FAILURE text=\"" + oneLine(reason) + "\"";
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

    /**
     * Writes the line. The shipped configuration queues it for log4j2's asynchronous appender, which drops a line
     * rather than make the call wait when the disk is slow or full.
     */
    void write() {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        double total = (System.nanoTime() - start) / 1e6;
        double cloud = cloudNanos / 1e6;
        LOG.info(String.format("call=%s listener=%s sender=%s receiver=%s user=%s function=%s rule=%s destination=%s "
                + "bytes.in=%d bytes.out=%d rows=%d ms.total=%.3f ms.bridge=%.3f ms.cloud=%.3f result=%s", id, programId,
                sender, receiver, user, function, rule, destination, bytesIn, bytesOut, rows, total, total - cloud, cloud,
                result));
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replaceAll("[\\r\\n]+", " ").replace('"', '\'');
    }
}
