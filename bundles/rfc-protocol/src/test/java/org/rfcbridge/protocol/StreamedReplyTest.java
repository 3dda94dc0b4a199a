package org.rfcbridge.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.classic.ResponseDecoder;
import org.rfcbridge.protocol.classic.ResponseOptions;
import org.rfcbridge.protocol.classic.StreamedResponse;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.item.ItemReader;
import org.rfcbridge.protocol.item.ItemWriter;
import org.rfcbridge.api.json.FunctionJson;
import org.rfcbridge.protocol.wsrfc.WsRfcMessages;

/**
 * A reply passed on while it arrives: cut into WebSocket messages anywhere, taken as whole items,
 * decoded into a call whose tables stream into a classic reply written in parts. What comes out
 * must be the reply the bridge would have written from the whole call.
 */
class StreamedReplyTest {
    static final FunctionMetadata TWO_TABLES = FunctionMetadata.builder("Z_TWO_TABLES")
            .parameter(Direction.EXPORT, "E_COUNT", AbapType.INT4, 0, false)
            .structure(Direction.EXPORT, "E_STRUCT", ClassicRoundTripTest.ROW, false)
            .parameter(Direction.CHANGING, "C_TEXT", AbapType.CHAR, 30, false)
            .table(Direction.TABLES, "T_FIRST", ClassicRoundTripTest.ROW, true)
            .table(Direction.TABLES, "T_SECOND", ClassicRoundTripTest.ROW, true)
            .build();
    private static final ResponseOptions OPTIONS = ResponseOptions.registeredServer("RFCBRIDGE", 42.0);

    private final ClassicSerializer serializer = new ClassicSerializer(ProtocolLimits.DEFAULT);

    @Property(tries = 300)
    void aStreamedReplyHasTheBytesOfTheWholeOne(@ForAll @IntRange(min = 0, max = 300) int firstRows,
                                                @ForAll @IntRange(min = 0, max = 40) int secondRows,
                                                @ForAll @IntRange(min = 1, max = 5000) int messageSize,
                                                @ForAll @IntRange(min = 1, max = 9000) int partSize,
                                                @ForAll long seed) throws Exception {
        Function cloud = TWO_TABLES.newFunction();
        FunctionJson.setValues(cloud, Map.of("E_COUNT", BigDecimal.valueOf(firstRows), "C_TEXT", "changed",
                "E_STRUCT", Map.of("C", "HEAD", "I", BigDecimal.valueOf(seed % 1000)),
                "T_FIRST", rows(firstRows, "F"), "T_SECOND", rows(secondRows, "S")));
        byte[] whole = serializer.encoder().encodeResponse(cloud, OPTIONS);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> partLengths = new ArrayList<>();
        Function bridge = TWO_TABLES.newFunction();
        StreamedResponse streamed = serializer.encoder().streamedResponse(bridge, OPTIONS, partSize, (b, offset, length) -> {
            out.write(b, offset, length);
            partLengths.add(length);
        }).streamTables();
        relay(whole, messageSize, new Random(seed), serializer.decoder().responseDecoder(bridge, "cloud"));
        ItemWriter rest = streamed.finish(OPTIONS);
        out.write(rest.buffer(), 0, rest.length());

        assertArrayEquals(whole, out.toByteArray());
        assertEquals(partLengths.stream().mapToLong(Integer::longValue).sum(), streamed.sentBytes());
        partLengths.forEach(length -> assertTrue(length >= partSize && length < partSize + 2 * 512, "part of " + length));
        assertEquals(firstRows, bridge.tables().getTable("T_FIRST").getNumRows());
        assertTrue(bridge.tables().getTable("T_FIRST").isStreamed());
    }

    @Property(tries = 100)
    void deepTablesAreKeptAndWrittenAfterTheStreamedOnes(@ForAll @IntRange(min = 0, max = 60) int rowCount,
                                                          @ForAll @IntRange(min = 1, max = 700) int messageSize,
                                                          @ForAll long seed) throws Exception {
        FunctionMetadata all = ClassicRoundTripTest.ALL;
        Function cloud = all.newFunction();
        FunctionJson.setValues(cloud, Map.of("E_DATE", "2026-11-24", "C_INT", BigDecimal.valueOf(-5),
                "E_DEEP_TAB", List.of(Map.of("I", BigDecimal.ONE, "STR", "s", "SUB", List.of(Map.of("K", "k")))),
                "T_ROWS", rows(rowCount, "R")));
        byte[] whole = serializer.encoder().encodeResponse(cloud, OPTIONS);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Function bridge = all.newFunction();
        StreamedResponse streamed = serializer.encoder().streamedResponse(bridge, OPTIONS, 1000, out::write).streamTables();
        relay(whole, messageSize, new Random(seed), serializer.decoder().responseDecoder(bridge, "cloud"));
        ItemWriter rest = streamed.finish(OPTIONS);
        out.write(rest.buffer(), 0, rest.length());

        Function caller = all.newFunction();
        serializer.decoder().decodeResponse(out.toByteArray(), 0, out.size(), caller, "bridge");
        assertEquals(FunctionJson.values(cloud, Direction.EXPORT, Direction.CHANGING, Direction.TABLES),
                FunctionJson.values(caller, Direction.EXPORT, Direction.CHANGING, Direction.TABLES));
    }

    @Test
    void aValueAfterAStreamedTableIsRefusedNamingBoth() throws Exception {
        byte[] row = new byte[ClassicRoundTripTest.ROW.byteLength()];
        byte[] header = new byte[8];
        Bytes.putI32(header, 0, row.length);
        Bytes.putI32(header, 4, 1);
        byte[] reply = new ItemWriter().empty(ItemIds.RESPONSE_START).u32(ItemIds.RETURN_CODE, 0)
                .empty(ItemIds.CALL_CONTEXT).utf16(ItemIds.TABLE_NAME, "T_FIRST").u32(ItemIds.TABLE_ID, 1)
                .item(ItemIds.TABLE_HEADER, header).item(ItemIds.TABLE_ROW_COMPRESSED, row)
                .utf16(ItemIds.PARAMETER_NAME, "E_COUNT").item(ItemIds.PARAMETER_VALUE, new byte[4]).end().toByteArray();

        Function kept = TWO_TABLES.newFunction();
        serializer.decoder().decodeResponse(reply, 0, reply.length, kept, "cloud");
        assertEquals(1, kept.tables().getTable("T_FIRST").getNumRows());

        Function streamed = TWO_TABLES.newFunction();
        serializer.encoder().streamedResponse(streamed, OPTIONS, 1 << 20, (b, o, l) -> { }).streamTables();
        RfcProtocolException e = assertThrows(RfcProtocolException.class,
                () -> serializer.decoder().decodeResponse(reply, 0, reply.length, streamed, "cloud"));
        assertEquals("parameter E_COUNT arrives after table T_FIRST, whose rows were already passed on; the bridge "
                + "needs the values before the tables", e.problem());
    }

    /** A reply without table rows decodes to about its own size; one with rows, in any form, may not. */
    @Test
    void aReplySaysWhetherItHoldsTableRows() throws Exception {
        byte[] header = new byte[8];
        Bytes.putI32(header, 0, 4);
        byte[] scalars = new ItemWriter().empty(ItemIds.RESPONSE_START).u32(ItemIds.RETURN_CODE, 0)
                .utf16(ItemIds.PARAMETER_NAME, "E_COUNT").item(ItemIds.PARAMETER_VALUE, new byte[4])
                .utf16(ItemIds.TABLE_NAME, "T_EMPTY").u32(ItemIds.TABLE_ID, 1).item(ItemIds.TABLE_HEADER, header)
                .end().toByteArray();
        WsRfcMessages withoutRows = WsRfcMessages.forReply(scalars.length, scalars.length);
        assertTrue(withoutRows.add(scalars, 0, scalars.length));
        assertFalse(withoutRows.holdsTableRows(), "an empty table has no rows");
        for (int rowItem : new int[] {ItemIds.TABLE_ROW, ItemIds.TABLE_ROW_COMPRESSED, ItemIds.TABLE_LZ_CHUNK,
                ItemIds.S4_TABLE_ROW}) {
            byte[] reply = new ItemWriter().empty(ItemIds.RESPONSE_START).item(rowItem, new byte[4]).end()
                    .toByteArray();
            WsRfcMessages withRows = WsRfcMessages.forReply(reply.length, reply.length);
            assertTrue(withRows.add(reply, 0, reply.length));
            assertTrue(withRows.holdsTableRows(), String.format("%04x", rowItem));
        }
    }

    @Test
    void takenItemsAreWholeItemsAndReleaseTheirMessages() throws Exception {
        Function cloud = TWO_TABLES.newFunction();
        FunctionJson.setValues(cloud, Map.of("T_FIRST", rows(2000, "F")));
        byte[] whole = serializer.encoder().encodeResponse(cloud, OPTIONS);
        WsRfcMessages messages = new WsRfcMessages(whole.length);
        ByteArrayOutputStream taken = new ByteArrayOutputStream();
        for (int offset = 0; offset < whole.length; offset += 28_000) {
            int length = Math.min(28_000, whole.length - offset);
            messages.add(java.util.Arrays.copyOfRange(whole, offset, offset + length), 0, length);
            byte[] items = messages.takeItems();
            taken.writeBytes(items);
            assertEquals(items.length, endOfWholeItems(items));
        }
        assertArrayEquals(whole, taken.toByteArray());
        assertEquals(0, messages.takeItems().length);
        assertThrows(IllegalStateException.class, messages::reply);
    }

    /** Where the last whole item of {@code items} ends; an item cut short is refused by the reader. */
    private static int endOfWholeItems(byte[] items) throws RfcProtocolException {
        ItemReader reader = new ItemReader(items);
        while (reader.next()) {
            assertTrue(reader.position() <= items.length);
        }
        return reader.position();
    }

    /** Cuts the reply into messages of about {@code size} bytes and feeds what each completes. */
    static void relay(byte[] whole, int size, Random random, ResponseDecoder decoder)
            throws Exception {
        cut(whole, size, random, decoder::feed);
        decoder.end();
    }

    /** Where a chain's whole items go as they complete. */
    @FunctionalInterface
    interface Pieces {
        void feed(byte[] b, int offset, int length) throws Exception;
    }

    /** Cuts a chain into messages of random sizes up to {@code size} and hands on its items as they complete. */
    static void cut(byte[] whole, int size, Random random, Pieces pieces) throws Exception {
        WsRfcMessages messages = new WsRfcMessages(whole.length);
        for (int offset = 0; offset < whole.length; ) {
            int length = Math.min(1 + random.nextInt(size), whole.length - offset);
            messages.add(java.util.Arrays.copyOfRange(whole, offset, offset + length), 0, length);
            byte[] items = messages.takeItems();
            pieces.feed(items, 0, items.length);
            offset += length;
        }
    }

    static List<Map<String, Object>> rows(int count, String prefix) {
        List<Map<String, Object>> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(Map.of("C", prefix + i, "I", BigDecimal.valueOf(i), "P", new BigDecimal(i + ".25")));
        }
        return Collections.unmodifiableList(rows);
    }
}
