package org.rfcbridge.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.api.metadata.RecordMetadata;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.classic.ResponseOptions;
import org.rfcbridge.protocol.item.ItemWriter;

/**
 * The classic serializer: a reply with a 100,000-row table of 512-byte rows (51.2 MB of row data)
 * encoded and decoded, and a small STFC_CONNECTION call. Run with {@code -prof gc} for allocation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class ClassicProtocolBenchmark {
    /** Rows in the large table. */
    public static final int ROWS = 100_000;
    /** A 512-byte row: CHAR 256 in the Unicode layout. */
    static final RecordMetadata ROW = RecordMetadata.builder("LINE512").field("WA", AbapType.CHAR, 256).build();
    static final FunctionMetadata READ_TABLE = FunctionMetadata.builder("Z_READ_TABLE")
            .table(Direction.TABLES, "DATA", ROW, false).build();
    static final FunctionMetadata STFC_CONNECTION = FunctionMetadata.builder("STFC_CONNECTION")
            .parameter(Direction.EXPORT, "ECHOTEXT", AbapType.CHAR, 255, false)
            .parameter(Direction.EXPORT, "RESPTEXT", AbapType.CHAR, 255, false)
            .parameter(Direction.IMPORT, "REQUTEXT", AbapType.CHAR, 255, false).build();

    private final ClassicSerializer serializer = new ClassicSerializer(ProtocolLimits.DEFAULT);
    private Function tableReply;
    private byte[] tableReplyBytes;
    private Function smallCall;
    private byte[] smallRequestBytes;

    @Setup(Level.Trial)
    public void prepare() {
        tableReply = READ_TABLE.newFunction();
        Table data = tableReply.tables().getTable("DATA");
        data.appendRows(ROWS);
        for (int i = 0; i < ROWS; i++) {
            data.setRow(i);
            data.setValue(0, "row " + i);
        }
        tableReplyBytes = serializer.encoder().encodeResponse(tableReply, ResponseOptions.registeredServer("SAPLZBENCH", 1));
        smallCall = STFC_CONNECTION.newFunction();
        smallCall.imports().setValue("REQUTEXT", "Hello SAP");
        smallRequestBytes = serializer.encoder().encodeRequest(smallCall);
    }

    /** One operation = 51.2 MB of rows written into a sized chain (no copy). */
    @Benchmark
    public ItemWriter encodeTable() {
        return serializer.encoder().writeResponse(tableReply, ResponseOptions.registeredServer("SAPLZBENCH", 1));
    }

    /** One operation = 51.2 MB of rows read into a new table. */
    @Benchmark
    public Function decodeTable() throws Exception {
        Function call = READ_TABLE.newFunction();
        serializer.decoder().decodeResponse(tableReplyBytes, 0, tableReplyBytes.length, call, "bench");
        return call;
    }

    @Benchmark
    public byte[] encodeSmallCall() {
        return serializer.encoder().encodeRequest(smallCall);
    }

    @Benchmark
    public Function decodeSmallCall() throws Exception {
        return serializer.decoder().decodeRequest(smallRequestBytes, 0, smallRequestBytes.length, STFC_CONNECTION);
    }
}
