package org.rfcbridge.protocol.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.rfcbridge.protocol.RfcProtocolException;

/**
 * Every file of {@code shared/vectors/sap-compression/}, the output of SAP's own compression code: our
 * decompressor gives back each {@code .raw} exactly (also fed in pieces of random size, and for the files
 * with other noise bits), and our compressor gives each {@code .lzc} and {@code .lzh} byte for byte (also
 * written in pieces). Skipped, saying why, where the folder is absent.
 */
class SapCompressionVectorsTest {
    static Path folder() {
        return Path.of(System.getProperty("rfcbridge.vectors", "../../../shared/vectors")).resolve("sap-compression");
    }

    static List<Path> compressedFiles() throws IOException {
        Path folder = folder();
        assumeTrue(Files.isDirectory(folder), "skipped: SAP's compression vectors are not at "
                + folder.toAbsolutePath() + " (shared/vectors beside the checkout)");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".lzc") || p.toString().endsWith(".lzh")).sorted().toList();
        }
    }

    static byte[] rawOf(Path compressed) throws IOException {
        String name = compressed.getFileName().toString();
        return Files.readAllBytes(compressed.resolveSibling(name.substring(0, name.indexOf('.')) + ".raw"));
    }

    @TestFactory
    Stream<DynamicTest> decompressionGivesBackSapsInput() throws IOException {
        return compressedFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            byte[] compressed = Files.readAllBytes(file);
            byte[] raw = rawOf(file);
            assertArrayEquals(raw, Decompressor.decompress(compressed, 0, compressed.length, raw.length));
            assertArrayEquals(raw, decompressInPieces(compressed, raw.length, new Random(raw.length)),
                    "fed in pieces");
        }));
    }

    @TestFactory
    Stream<DynamicTest> compressionIsByteIdenticalToSaps() throws IOException {
        return compressedFiles().stream().filter(f -> !f.toString().contains(".noise"))
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    byte[] expected = Files.readAllBytes(file);
                    byte[] raw = rawOf(file);
                    Algorithm algorithm = file.toString().endsWith(".lzc") ? Algorithm.LZC : Algorithm.LZH;
                    assertArrayEquals(expected, Compressor.compress(algorithm, raw, 0, raw.length));
                    assertArrayEquals(expected, compressInPieces(algorithm, raw, new Random(raw.length)),
                            "written in pieces");
                }));
    }

    @TestFactory
    Stream<DynamicTest> headersAreSaps() throws IOException {
        return compressedFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            byte[] compressed = Files.readAllBytes(file);
            CompressionHeader header = CompressionHeader.read(compressed, 0, Long.MAX_VALUE);
            assertEquals(rawOf(file).length, header.uncompressedLength());
            assertEquals(file.toString().endsWith(".lzc") ? Algorithm.LZC : Algorithm.LZH, header.algorithm());
            assertArrayEquals(java.util.Arrays.copyOf(compressed, 8), header.toBytes());
        }));
    }

    static byte[] decompressInPieces(byte[] compressed, long max, Random random) throws RfcProtocolException {
        ByteArraySink out = new ByteArraySink();
        try (Decompressor d = new Decompressor(max, out)) {
            for (int at = 0; at < compressed.length; ) {
                int n = Math.min(compressed.length - at, 1 + random.nextInt(700));
                d.feed(compressed, at, n);
                at += n;
            }
            d.finish();
        }
        return out.toByteArray();
    }

    static byte[] compressInPieces(Algorithm algorithm, byte[] raw, Random random) throws RfcProtocolException {
        ByteArraySink out = new ByteArraySink();
        Compressor c = new Compressor(algorithm, raw.length, out);
        for (int at = 0; at < raw.length; ) {
            int n = Math.min(raw.length - at, 1 + random.nextInt(5000));
            c.write(raw, at, n);
            at += n;
        }
        c.finish();
        return out.toByteArray();
    }
}
