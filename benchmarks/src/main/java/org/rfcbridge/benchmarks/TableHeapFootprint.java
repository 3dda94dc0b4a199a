package org.rfcbridge.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import org.rfcbridge.api.data.Table;

/**
 * Heap a filled 1,000,000-row table of a 100-byte structure keeps alive, against its raw row bytes.
 * Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar org.rfcbridge.benchmarks.TableHeapFootprint}.
 */
public final class TableHeapFootprint {
    private TableHeapFootprint() {
    }

    public static void main(String[] args) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        Table table = DataModelBenchmark.filledTable();
        long after = usedAfterGc(memory);
        long retained = after - before;
        double rawMb = table.rowBytes() / 1e6;
        System.out.printf("rows=%d row_bytes=%d raw_mb=%.1f retained_mb=%.1f ratio=%.3f%n",
                table.getNumRows(), DataModelBenchmark.ROW.byteLength(), rawMb, retained / 1e6, retained / (double) table.rowBytes());
        System.out.println(table.getNumRows() > 0 ? "" : "empty");    // keeps the table reachable up to here
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
