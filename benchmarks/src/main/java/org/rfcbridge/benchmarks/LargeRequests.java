package org.rfcbridge.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.simulators.onprem.SimulatedAbapSystem;
import org.rfcbridge.simulators.samples.SampleFunctions;
import org.rfcbridge.simulators.samples.SampleImplementations;

/**
 * Large requests through the bench bridge (issue 21): 500,000 rows of 512 bytes from the caller to the cloud
 * (Z_RFCBRIDGE_WRITE_ROWS, which answers their count and CRC-32 and sends none back), and both directions at once,
 * 5 callers each sending 100,000 rows that the cloud sends back (Z_RFCBRIDGE_READ_ROWS with ROW_COUNT 0). The
 * caller sends its tables uncompressed, so the request is as large as its rows.
 */
final class LargeRequests {
    static final int UPLOAD_ROWS = 500_000;
    static final int BOTH_WAYS_CALLERS = 5;
    static final int BOTH_WAYS_ROWS = 100_000;

    /** Asks the bench bridge for its figures ({@code reset}, {@code stats}). */
    @FunctionalInterface
    interface Bridge {
        Map<String, Object> ask(String command) throws Exception;
    }

    private final SimulatedAbapSystem caller;
    private final Bridge bridge;
    private final Map<String, Object> figures;

    LargeRequests(int gatewayPort, Bridge bridge, Map<String, Object> figures) {
        this.caller = new SimulatedAbapSystem(new SimulatedAbapSystem.Identity("YI3", "000", "BENCH", "E"),
                Duration.ofMinutes(5), ProtocolLimits.DEFAULT, TableCompression.NONE);
        caller.addDestination(new SimulatedAbapSystem.TypeTDestination("MYDESTINATION_000", "127.0.0.1", gatewayPort,
                "BENCH_PROGRAM"));
        this.bridge = bridge;
        this.figures = figures;
    }

    void upload(int rows) throws Exception {
        Function write = SampleFunctions.Z_RFCBRIDGE_WRITE_ROWS.newFunction();
        Table table = write.tables().getTable("ROWS");
        fill(table, rows, 7);
        long checksum = SampleImplementations.checksum(table);
        bridge.ask("reset");
        long start = System.nanoTime();
        caller.call("MYDESTINATION_000", write);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (write.exports().getInt("ROW_COUNT") != rows || write.exports().getLong("CHECKSUM") != checksum) {
            throw new IllegalStateException("the cloud got " + write.exports().getInt("ROW_COUNT") + " rows with CRC "
                    + write.exports().getLong("CHECKSUM") + " instead of " + rows + " with " + checksum);
        }
        Map<String, Object> stats = bridge.ask("stats");
        figures.put("large_upload_rows", rows);
        figures.put("large_upload_seconds", EndToEndBench.round(seconds));
        figures.put("large_upload_mb_per_s", EndToEndBench.round(rows * 512 / 1e6 / seconds));
        figures.put("large_upload_bridge_heap_mb", stats.get("heap_peak_mb"));
    }

    void bothWays(int callers, int rows) throws Exception {
        bridge.ask("reset");
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        long start = System.nanoTime();
        int failed = 0;
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int seed = c;
                calls.add(pool.submit(() -> {
                    Function read = SampleFunctions.Z_RFCBRIDGE_READ_ROWS.newFunction();
                    read.imports().setValue("ROW_COUNT", 0);
                    Table table = read.tables().getTable("DATA");
                    fill(table, rows, seed);
                    long sent = SampleImplementations.checksum(table);
                    caller.call("MYDESTINATION_000", read);
                    if (table.getNumRows() != rows || SampleImplementations.checksum(table) != sent) {
                        throw new IllegalStateException("the rows came back changed");
                    }
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                try {
                    call.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failed++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> stats = bridge.ask("stats");
        figures.put("both_ways_callers", callers);
        figures.put("both_ways_rows_each", rows);
        figures.put("both_ways_seconds", EndToEndBench.round(seconds));
        figures.put("both_ways_calls_failed", failed);
        figures.put("both_ways_bridge_heap_mb", stats.get("heap_peak_mb"));
    }

    /** Rows whose bytes differ from row to row and from caller to caller. */
    private static void fill(Table table, int rows, int seed) {
        table.ensureCapacity(rows);
        byte[] row = new byte[table.metadata().byteLength()];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (byte) (i * 31 + j * seed + (i >>> 8));
            }
            table.appendRow(row, 0);
        }
    }
}
