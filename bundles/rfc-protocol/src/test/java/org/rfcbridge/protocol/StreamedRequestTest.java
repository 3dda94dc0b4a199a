package org.rfcbridge.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.RowStream;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.classic.RequestDecoder;
import org.rfcbridge.protocol.classic.StreamedRequest;
import org.rfcbridge.protocol.item.ItemWriter;
import org.rfcbridge.api.json.FunctionJson;

/**
 * A request passed on while it arrives (issue 21): the caller's request cut into records anywhere, taken as whole
 * items, decoded into a call whose input tables stream into a classic request written in parts. The cloud must
 * read from it every value the caller sent, and the bridge holds at most a part and a row of it at any time.
 */
class StreamedRequestTest {
    static final FunctionMetadata UPLOAD = FunctionMetadata.builder("Z_UPLOAD")
            .parameter(Direction.IMPORT, "I_MODE", AbapType.CHAR, 4, false)
            .structure(Direction.IMPORT, "I_HEAD", ClassicRoundTripTest.ROW, false)
            .parameter(Direction.EXPORT, "E_COUNT", AbapType.INT4, 0, false)
            .parameter(Direction.CHANGING, "C_TEXT", AbapType.CHAR, 30, false)
            .table(Direction.TABLES, "T_FIRST", ClassicRoundTripTest.ROW, true)
            .table(Direction.TABLES, "T_SECOND", ClassicRoundTripTest.ROW, true)
            .build();

    private final ClassicSerializer serializer = new ClassicSerializer(ProtocolLimits.DEFAULT);

    @Property(tries = 300)
    void theCloudReadsWhatTheCallerSent(@ForAll @IntRange(min = 0, max = 300) int firstRows,
                                        @ForAll @IntRange(min = 0, max = 40) int secondRows,
                                        @ForAll @IntRange(min = 1, max = 5000) int recordSize,
                                        @ForAll @IntRange(min = 1, max = 9000) int partSize,
                                        @ForAll long seed) throws Exception {
        Function caller = UPLOAD.newFunction();
        FunctionJson.setValues(caller, Map.of("I_MODE", "FULL", "C_TEXT", "to change",
                "I_HEAD", Map.of("C", "HEAD", "I", BigDecimal.valueOf(seed % 1000)),
                "T_FIRST", StreamedReplyTest.rows(firstRows, "F"), "T_SECOND", StreamedReplyTest.rows(secondRows, "S")));
        byte[] whole = serializer.encoder().encodeRequest(caller);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> partLengths = new ArrayList<>();
        Function bridge = serializer.decoder().newRequest(UPLOAD);
        RowStream reply = new RowStream() {
            @Override
            public void begin(Table table, int rows) {
            }

            @Override
            public void row(Table table, byte[] source, int offset) {
            }
        };
        bridge.tables().getTable("T_FIRST").streamRowsTo(reply);
        StreamedRequest streamed = serializer.encoder().streamedRequest(bridge, partSize, (b, offset, length) -> {
            out.write(b, offset, length);
            partLengths.add(length);
        }).streamTables();
        RequestDecoder decoder = serializer.decoder().requestDecoder(bridge);
        StreamedReplyTest.cut(whole, recordSize, new Random(seed), decoder::feed);
        decoder.end();
        ItemWriter rest = streamed.finish();
        out.write(rest.buffer(), 0, rest.length());

        Function cloud = serializer.decoder().decodeRequest(out.toByteArray(), 0, out.size(), UPLOAD);
        assertEquals(FunctionJson.values(caller, Direction.IMPORT, Direction.CHANGING, Direction.TABLES),
                FunctionJson.values(cloud, Direction.IMPORT, Direction.CHANGING, Direction.TABLES));
        assertEquals(partLengths.stream().mapToLong(Integer::longValue).sum(), streamed.sentBytes());
        // the first part carries the head and the values too; after that, a part and at most a row (and a table head)
        int row = ClassicRoundTripTest.ROW.byteLength() + 128;            // a row item and a table's head
        caller.tables().getTable("T_FIRST").clear();
        caller.tables().getTable("T_SECOND").clear();
        int head = serializer.encoder().encodeRequest(caller).length;
        for (int i = 0; i < partLengths.size(); i++) {
            int length = partLengths.get(i);
            assertTrue(length >= partSize && length < partSize + row + (i == 0 ? head : 0), "part of " + length);
        }
        assertSame(reply, bridge.tables().getTable("T_FIRST").rowStream(), "the reply's row stream is back");
        assertEquals(0, bridge.tables().getTable("T_FIRST").getNumRows(), "streamed rows are not kept");
    }

    /**
     * Values before tables, as SAP's replies carry them: a value behind a streamed table could no longer be placed
     * before it, so such a request is refused naming both (docs/protocol.md).
     */
    @Test
    void aValueAfterAStreamedTableIsRefusedNamingBoth() throws Exception {
        FunctionMetadata tableFirst = FunctionMetadata.builder("Z_TABLE_FIRST")
                .table(Direction.TABLES, "T_FIRST", ClassicRoundTripTest.ROW, true)
                .parameter(Direction.IMPORT, "I_LATE", AbapType.CHAR, 4, false)
                .build();
        Function caller = tableFirst.newFunction();
        FunctionJson.setValues(caller, Map.of("T_FIRST", StreamedReplyTest.rows(3, "F"), "I_LATE", "LATE"));
        byte[] whole = serializer.encoder().encodeRequest(caller);

        Function kept = serializer.decoder().decodeRequest(whole, 0, whole.length, tableFirst);
        assertEquals("LATE", kept.imports().getString("I_LATE"));

        Function bridge = serializer.decoder().newRequest(tableFirst);
        serializer.encoder().streamedRequest(bridge, 1 << 20, (b, offset, length) -> { }).streamTables();
        RfcProtocolException e = assertThrows(RfcProtocolException.class,
                () -> serializer.decoder().requestDecoder(bridge).feed(whole, 0, whole.length));
        assertEquals("parameter I_LATE arrives after table T_FIRST, whose rows were already passed on; the bridge "
                + "needs the values before the tables", e.problem());
    }
}
