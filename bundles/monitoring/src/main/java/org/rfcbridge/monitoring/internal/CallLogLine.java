package org.rfcbridge.monitoring.internal;

import org.rfcbridge.api.CallSummary;

/**
 * A call as one line of the call log ({@code data/log/calls.log}): {@code key=value} pairs a person reads and
 * {@code grep}/{@code awk} split, then the error text quoted and, where the listener's setting asks for them,
 * the call's values as JSON.
 */
final class CallLogLine {
    private CallLogLine() {
    }

    static String of(CallSummary call) {
        // built by hand, not String.format: a format would follow the locale
        StringBuilder line = new StringBuilder(320).append("call=").append(call.id()).append(" listener=")
                .append(call.listener()).append(" sender=").append(call.sender()).append(" receiver=")
                .append(call.receiver()).append(" user=").append(call.user()).append(" function=")
                .append(call.function()).append(" rule=").append(call.rule()).append(" destination=")
                .append(call.destination()).append(" bytes.in=").append(call.bytesIn()).append(" bytes.out=")
                .append(call.bytesOut()).append(" rows=").append(call.rows());
        appendMillis(line.append(" ms.total="), call.totalNanos());
        appendMillis(line.append(" ms.bridge="), call.totalNanos() - call.cloudNanos());
        appendMillis(line.append(" ms.cloud="), call.cloudNanos());
        line.append(" result=").append(call.result());
        if (!call.ok()) {
            line.append(" text=\"").append(call.errorText().replace('"', '\'')).append('"');
        }
        if (!call.values().isEmpty()) {
            line.append(" values=").append(call.values());      // last: JSON may hold blanks
        }
        return line.toString();
    }

    /** Nanoseconds as milliseconds with three decimals, rounded half up. */
    private static void appendMillis(StringBuilder line, long nanos) {
        long micros = (nanos + 500) / 1000;
        // 1000 + fraction has four digits; the last three are the fraction with its leading zeros
        line.append(micros / 1000).append('.').append(Long.toString(1000 + micros % 1000), 1, 4);
    }
}
