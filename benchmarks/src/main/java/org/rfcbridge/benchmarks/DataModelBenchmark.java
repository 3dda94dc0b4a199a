package org.rfcbridge.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.RecordMetadata;

/**
 * The data model with a 1,000,000-row table of a 100-byte structure: filling it field by field, and
 * reading every field of every row by name and by position.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class DataModelBenchmark {
    /** 1,000,000 rows. */
    public static final int ROWS = 1_000_000;
    /** Fields per row. */
    public static final int FIELDS = 5;

    /** ID INT4, QTY INT4, AMOUNT P(8) DECIMALS 2, DAY DATE, NAME CHAR 34: exactly 100 bytes in the Unicode layout. */
    public static final RecordMetadata ROW = RecordMetadata.builder("BENCH_ROW")
            .field("ID", AbapType.INT4).field("QTY", AbapType.INT4).bcd("AMOUNT", 8, 2)
            .field("DAY", AbapType.DATE).field("NAME", AbapType.CHAR, 34).build();

    private Table table;

    @Setup(Level.Trial)
    public void fill() {
        table = filledTable();
    }

    /** A table of {@link #ROWS} rows with every field set. */
    public static Table filledTable() {
        Table table = new Table(ROW);
        LocalDate day = LocalDate.of(2026, 6, 26);
        BigDecimal amount = new BigDecimal("1234.56");
        for (int i = 0; i < ROWS; i++) {
            table.appendRow();
            table.setValue(0, i);
            table.setValue(1, i & 1023);
            table.setValue(2, amount);
            table.setValue(3, day);
            table.setValue(4, "ROW");
        }
        return table;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Table fillRows() {
        return filledTable();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS * 2)
    public void readIntegerFieldsByName(Blackhole sink) {
        table.firstRow();
        do {
            sink.consume(table.getInt("ID"));
            sink.consume(table.getInt("QTY"));
        } while (table.nextRow());
    }

    @Benchmark
    @OperationsPerInvocation(ROWS * 2)
    public void readIntegerFieldsByPosition(Blackhole sink) {
        table.firstRow();
        do {
            sink.consume(table.getInt(0));
            sink.consume(table.getInt(1));
        } while (table.nextRow());
    }

    @Benchmark
    @OperationsPerInvocation(ROWS * FIELDS)
    public void readEveryFieldByName(Blackhole sink) {
        table.firstRow();
        do {
            sink.consume(table.getInt("ID"));
            sink.consume(table.getInt("QTY"));
            sink.consume(table.getBigDecimal("AMOUNT"));
            sink.consume(table.getDate("DAY"));
            sink.consume(table.getString("NAME"));
        } while (table.nextRow());
    }
}
