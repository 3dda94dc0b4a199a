package org.rfcbridge.protocol;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.protocol.appc.AppcMessageAssembler;
import org.rfcbridge.protocol.appc.AppcRecord;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.classic.LogonRequest;
import org.rfcbridge.protocol.classic.LogonResponse;
import org.rfcbridge.protocol.gateway.GatewayErrorBlock;
import org.rfcbridge.protocol.gateway.GatewayRecord;
import org.rfcbridge.protocol.item.ItemReader;
import org.rfcbridge.api.json.JsonText;
import org.rfcbridge.protocol.ni.NiFrames;
import org.rfcbridge.protocol.trace.TraceDecoder;

/**
 * Mutated real captures fed to every decoder on the network path: each input must be decoded or
 * refused with the protocol's own {@link RfcProtocolException} (or, for replies, the
 * {@link RfcException} the reply reports), within a bounded time, under small limits.
 */
class DecoderFuzzTest {
    private static final ProtocolLimits SMALL = new ProtocolLimits(1 << 16, 1 << 16, 1000, 1 << 16, 10_000);
    private static final List<byte[]> CORPUS = new ArrayList<>();
    private static final List<FunctionMetadata> FUNCTIONS = List.of(Captures.stfcChanging(), Captures.stfcConnection(),
            Captures.stfcDeepTable());

    @BeforeContainer
    static void readCorpus() {
        java.nio.file.Path folder = Captures.folder();
        if (!java.nio.file.Files.isDirectory(folder)) {
            return;
        }
        try (var files = java.nio.file.Files.list(folder)) {
            for (java.nio.file.Path file : files.filter(p -> p.toString().endsWith(".bin")).sorted().toList()) {
                CORPUS.add(java.nio.file.Files.readAllBytes(file));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedCaptures() {
        Arbitrary<byte[]> seeds = CORPUS.isEmpty()
                ? Arbitraries.bytes().array(byte[].class).ofMaxSize(600)
                : Arbitraries.of(CORPUS);
        return seeds.flatMap(seed -> Arbitraries.integers().between(0, 4).flatMap(kind ->
                Arbitraries.integers().between(0, Math.max(0, seed.length - 1)).flatMap(at ->
                        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8).map(bytes ->
                                mutate(seed, kind, at, bytes)))));
    }

    private static byte[] mutate(byte[] seed, int kind, int at, byte[] bytes) {
        switch (kind) {
            case 0: { // overwrite
                byte[] copy = seed.clone();
                for (int i = 0; i < bytes.length && at + i < copy.length; i++) {
                    copy[at + i] = bytes[i];
                }
                return copy;
            }
            case 1: // truncate
                return Arrays.copyOf(seed, at);
            case 2: { // insert
                byte[] copy = new byte[seed.length + bytes.length];
                System.arraycopy(seed, 0, copy, 0, at);
                System.arraycopy(bytes, 0, copy, at, bytes.length);
                System.arraycopy(seed, at, copy, at + bytes.length, seed.length - at);
                return copy;
            }
            case 3: { // lengths are the usual victims: set a 16-bit field to an extreme
                byte[] copy = seed.clone();
                if (at + 1 < copy.length) {
                    copy[at] = (byte) 0xff;
                    copy[at + 1] = bytes[0];
                }
                return copy;
            }
            default: { // duplicate a region
                byte[] region = Arrays.copyOfRange(seed, at, Math.min(seed.length, at + 64));
                byte[] copy = Arrays.copyOf(seed, seed.length + region.length);
                System.arraycopy(region, 0, copy, seed.length, region.length);
                return copy;
            }
        }
    }

    /** Replies with a compressed table (LZH and LZC), and SAP's own compressed streams. */
    private static final List<byte[]> COMPRESSED_REPLIES = new ArrayList<>();
    private static final List<byte[]> SAP_STREAMS = new ArrayList<>();

    @BeforeContainer
    static void compressedCorpus() {
        org.rfcbridge.api.data.Function reply = StreamedReplyTest.TWO_TABLES.newFunction();
        org.rfcbridge.api.data.Table rows = reply.tables().getTable("T_FIRST");
        for (int i = 0; i < 300; i++) {
            rows.appendRow();
            rows.setValue("C", "R" + i);
            rows.setValue("I", i);
        }
        for (org.rfcbridge.protocol.classic.TableCompression c : List.of(
                org.rfcbridge.protocol.classic.TableCompression.LZH, org.rfcbridge.protocol.classic.TableCompression.LZC)) {
            COMPRESSED_REPLIES.add(new ClassicSerializer(ProtocolLimits.DEFAULT, c).encoder().encodeResponse(reply,
                    org.rfcbridge.protocol.classic.ResponseOptions.registeredServer("FUZZ", 1.0)));
        }
        java.nio.file.Path folder = Captures.folder().resolveSibling("sap-compression");
        if (java.nio.file.Files.isDirectory(folder)) {
            try (var files = java.nio.file.Files.list(folder)) {
                for (java.nio.file.Path file : files.filter(p -> p.toString().matches(".*s0[1-5].*\\.lz[ch]"))
                        .sorted().toList()) {
                    SAP_STREAMS.add(java.nio.file.Files.readAllBytes(file));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedCompressedTables() {
        List<byte[]> seeds = new ArrayList<>(COMPRESSED_REPLIES);
        seeds.addAll(SAP_STREAMS);
        return Arbitraries.of(seeds).flatMap(seed -> Arbitraries.integers().between(0, 4).flatMap(kind ->
                Arbitraries.integers().between(0, seed.length - 1).flatMap(at ->
                        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8).map(bytes ->
                                mutate(seed, kind, at, bytes)))));
    }

    /**
     * Mutated compressed tables and SAP streams: the classic decoder and the decompressor decode or refuse
     * with the protocol's own exception, in bounded time, never allocating more than the small limits.
     */
    @Property
    void compressedTablesDecodeOrRefuseCleanly(@ForAll("mutatedCompressedTables") byte[] input) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            ClassicSerializer serializer = new ClassicSerializer(SMALL);
            refusedCleanly(() -> serializer.decoder().decodeResponse(input, 0, input.length,
                    StreamedReplyTest.TWO_TABLES.newFunction(), "fuzz"));
            refusedCleanly(() -> org.rfcbridge.protocol.compression.Decompressor.decompress(input, 0, input.length,
                    SMALL.maxTableBytes()));
        });
    }

    @Property
    void everyDecoderDecodesOrRefusesCleanly(@ForAll("mutatedCaptures") byte[] input) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> decodeEverything(input));
    }

    private static void decodeEverything(byte[] input) {
        refusedCleanly(() -> new TraceDecoder(SMALL, FUNCTIONS).decode(input));
        refusedCleanly(() -> JsonText.write(new TraceDecoder(SMALL, FUNCTIONS).decode(input)));
        byte[] payload = input.length > 4 ? Arrays.copyOfRange(input, 4, input.length) : input;
        refusedCleanly(() -> GatewayRecord.decode(payload));
        refusedCleanly(() -> GatewayErrorBlock.decode(payload));
        refusedCleanly(() -> {
            AppcRecord record = AppcRecord.decode(payload);
            new AppcMessageAssembler(SMALL.maxMessageBytes()).add(record);
            byte[] data = record.data();
            walk(data);
            ClassicSerializer serializer = new ClassicSerializer(SMALL);
            for (FunctionMetadata f : FUNCTIONS) {
                refusedCleanly(() -> serializer.decoder().decodeRequest(data, 0, data.length, f));
                refusedCleanly(() -> serializer.decoder().decodeResponse(data, 0, data.length, f.newFunction(), "fuzz"));
            }
            refusedCleanly(() -> serializer.decoder().functionName(data, 0, data.length));
            refusedCleanly(() -> LogonRequest.decode(data, 0, data.length, SMALL));
            refusedCleanly(() -> LogonResponse.decode(data, 0, data.length, SMALL, "fuzz"));
        });
        refusedCleanly(() -> NiFrames.read(new java.io.ByteArrayInputStream(input), SMALL.maxRecordBytes()));
        // WebSocket RFC: messages are bare chains
        refusedCleanly(() -> org.rfcbridge.protocol.wsrfc.WsRfcLogon.decode(payload, SMALL));
        refusedCleanly(() -> org.rfcbridge.protocol.wsrfc.WsRfcLogonReply.decode(payload, SMALL, "fuzz"));
        refusedCleanly(() -> {
            org.rfcbridge.protocol.wsrfc.WsRfcMessages joiner = new org.rfcbridge.protocol.wsrfc.WsRfcMessages(
                    SMALL.maxMessageBytes());
            int half = payload.length / 2;
            if (!joiner.add(payload, 0, half)) {
                joiner.add(payload, half, payload.length - half);
            }
        });
    }

    private static void walk(byte[] data) throws RfcProtocolException {
        ItemReader reader = new ItemReader(data, 0, data.length, SMALL.maxItems());
        while (reader.next()) {
            reader.value();
        }
    }

    private interface Decoding {
        void run() throws Exception;
    }

    /** Runs a decoder; anything but the protocol's own refusals is a bug. */
    private static void refusedCleanly(Decoding decoding) {
        try {
            decoding.run();
        } catch (RfcProtocolException | RfcException expected) {
            // the documented refusals
        } catch (Exception | Error e) {
            throw new AssertionError("decoder failed with " + e, e);
        }
    }
}
