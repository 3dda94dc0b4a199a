package org.rfcbridge.cpic.internal;

import java.util.HexFormat;
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

    /** 48 random bits as 12 hex digits: short enough to read out from a short dump, unique enough for a log. */
    final String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(4);
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

    /** Counts the rows of every table of the call, in and out (only for a log that is on: it costs a pass). */
    void countRows(Function call) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
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
        long total = System.nanoTime() - start;
        // built by hand, not String.format: this runs on every call's thread, and a format would follow the locale
        StringBuilder line = new StringBuilder(320).append("call=").append(id).append(" listener=").append(programId)
                .append(" sender=").append(sender).append(" receiver=").append(receiver).append(" user=").append(user)
                .append(" function=").append(function).append(" rule=").append(rule).append(" destination=")
                .append(destination).append(" bytes.in=").append(bytesIn).append(" bytes.out=").append(bytesOut)
                .append(" rows=").append(rows);
        appendMillis(line.append(" ms.total="), total);
        appendMillis(line.append(" ms.bridge="), total - cloudNanos);
        appendMillis(line.append(" ms.cloud="), cloudNanos);
        LOG.info(line.append(" result=").append(result).toString());
    }

    /** Nanoseconds as milliseconds with three decimals, rounded half up. */
    private static void appendMillis(StringBuilder line, long nanos) {
        long micros = (nanos + 500) / 1000;
        // 1000 + fraction has four digits; the last three are the fraction with its leading zeros
        line.append(micros / 1000).append('.').append(Long.toString(1000 + micros % 1000), 1, 4);
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replaceAll("[\\r\\n]+", " ").replace('"', '\'');
    }
}
