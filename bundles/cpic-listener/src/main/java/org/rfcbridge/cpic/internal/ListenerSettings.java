package org.rfcbridge.cpic.internal;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import org.rfcbridge.api.Provider;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.TableCompression;

/**
 * A listener's settings, checked (as {@code WsRfcSettings} checks a destination's): the Program ID as SAP allows
 * it, the timeouts, the compression of replies, and what the bounds of a relayed call come to.
 *
 * @param programId   the Program ID, trimmed
 * @param connections registered connections, at least 1
 * @param compression how the tables of replies to the ABAP caller are written
 * @param limits      decoding limits, with the most one relayed call may hold while it arrives
 * @param runtime     how the connections run
 */
record ListenerSettings(String programId, int connections, TableCompression compression, ProtocolLimits limits,
                        ListenerRuntime.Settings runtime) {
    /** SAP's Program ID rules: 1 to 63 characters; letters, digits and a few separators; no blanks, no *. */
    static final Pattern PROGRAM_ID = Pattern.compile("[A-Za-z0-9_.:\\-/]{1,63}");

    /**
     * The settings of a configuration.
     *
     * @throws IllegalArgumentException naming the field and what to enter
     */
    static ListenerSettings of(CpicListenerConfig configuration, Map<String, Object> properties) {
        if (!Provider.NATIVE.equals(Provider.of(properties))) {
            throw new IllegalArgumentException("field provider '" + properties.get(Provider.PROPERTY)
                    + "' must be native or jco");
        }
        String programId = configuration.program_id() == null ? "" : configuration.program_id().trim();
        if (!PROGRAM_ID.matcher(programId).matches()) {
            throw new IllegalArgumentException("field program.id '" + configuration.program_id() + "' is not a "
                    + "Program ID (1 to 63 letters, digits or _ . : - /; no blanks, no *)");
        }
        atLeastOneSecond("write.timeout", configuration.write_timeout());
        atLeastOneSecond("read.timeout", configuration.read_timeout());
        TableCompression compression;
        try {
            compression = TableCompression.of(configuration.table_compression());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field table.compression: " + e.getMessage(), e);
        }
        int connections = Math.max(1, configuration.connections());
        ProtocolLimits limits = new ProtocolLimits(configuration.max_frame_size(),
                maxRequestBytes(configuration.max_request_mb(), connections), ProtocolLimits.DEFAULT.maxTableRows(),
                ProtocolLimits.DEFAULT.maxTableBytes(), ProtocolLimits.DEFAULT.maxItems());
        return new ListenerSettings(programId, connections, compression, limits, new ListenerRuntime.Settings(
                Duration.ofSeconds(configuration.connect_timeout()), Duration.ofSeconds(configuration.retry_max()),
                Duration.ofSeconds(configuration.stop_timeout()), limits,
                Duration.ofSeconds(configuration.write_timeout()), Duration.ofSeconds(configuration.read_timeout())));
    }

    private static void atLeastOneSecond(String field, int seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("field " + field + " " + seconds + " must be at least 1 (seconds)");
        }
    }

    /**
     * The most one relayed call may hold while it arrives: the setting, or by default a quarter of the heap
     * shared by the connections, at least 16 MB (all connections receiving large calls at once stay within it).
     */
    static long maxRequestBytes(int settingMb, int connections) {
        if (settingMb > 0) {
            return (long) settingMb << 20;
        }
        return Math.max(16L << 20, Runtime.getRuntime().maxMemory() / 4 / connections);
    }
}
