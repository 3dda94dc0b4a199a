package org.rfcbridge.monitoring.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.rfcbridge.api.CallSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call log: a batch of calls as one log event on {@value #LOGGER}, one line per call, each starting with the
 * time the call ended ({@link CallLogLine}). The logger's level in {@code etc/org.ops4j.pax.logging.cfg} (or
 * {@code log:set}) turns it off.
 */
final class CallLog {
    /** The call log's logger. */
    static final String LOGGER = "org.rfcbridge.calls";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    /** As log4j2's ISO8601 date of the other logs, in the machine's time zone. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss,SSS")
            .withZone(ZoneId.systemDefault());

    private CallLog() {
    }

    static void write(List<CallSummary> batch) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        StringBuilder text = new StringBuilder(batch.size() * 340);
        for (CallSummary call : batch) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(TIME.format(call.end())).append(' ').append(CallLogLine.of(call));
        }
        LOG.info(text.toString());
    }
}
