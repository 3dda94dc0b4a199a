package org.rfcbridge.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.compression.Algorithm;
import org.rfcbridge.protocol.compression.ByteSink;
import org.rfcbridge.protocol.compression.Compressor;
import org.rfcbridge.protocol.compression.Decompressor;

/**
 * SAP's table compression on one core, on SAP's own table-like vectors of {@code shared/vectors/sap-compression}
 * ({@code s06_params_1m}: 1 MiB of PARAMS rows; {@code s21_mixed_rows_200k}: PARAMS, digit and binary rows).
 * Output goes to a sink that only counts, as the bridge's row slicer consumes it without keeping it, so
 * {@code -prof gc} shows the codec's own allocation. Figures per second of output: uncompressed bytes for
 * decompression, input bytes for compression.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class CompressionBenchmark {
    @Param({"s06_params_1m", "s21_mixed_rows_200k"})
    public String vector;

    private byte[] raw;
    private byte[] lzh;
    private byte[] lzc;
    private long counted;
    private final ByteSink counting = (b, offset, length) -> counted += length;

    @Setup(Level.Trial)
    public void read() throws IOException {
        Path folder = Path.of(System.getProperty("rfcbridge.vectors", "../shared/vectors")).resolve("sap-compression");
        raw = Files.readAllBytes(folder.resolve(vector + ".raw"));
        lzh = Files.readAllBytes(folder.resolve(vector + ".lzh"));
        lzc = Files.readAllBytes(folder.resolve(vector + ".lzc"));
    }

    @Benchmark
    public long decompressLzh() throws RfcProtocolException {
        return decompress(lzh);
    }

    @Benchmark
    public long decompressLzc() throws RfcProtocolException {
        return decompress(lzc);
    }

    @Benchmark
    public long compressLzh() throws RfcProtocolException {
        return compress(Algorithm.LZH);
    }

    @Benchmark
    public long compressLzc() throws RfcProtocolException {
        return compress(Algorithm.LZC);
    }

    private long decompress(byte[] stream) throws RfcProtocolException {
        counted = 0;
        try (Decompressor d = new Decompressor(raw.length, counting)) {
            d.feed(stream, 0, stream.length);
            d.finish();
        }
        return counted;
    }

    private long compress(Algorithm algorithm) throws RfcProtocolException {
        counted = 0;
        Compressor c = new Compressor(algorithm, raw.length, counting);
        c.write(raw, 0, raw.length);
        c.finish();
        return counted;
    }
}
