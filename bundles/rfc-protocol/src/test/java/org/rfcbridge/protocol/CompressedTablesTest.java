package org.rfcbridge.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.classic.ResponseDecoder;
import org.rfcbridge.protocol.classic.ResponseOptions;
import org.rfcbridge.protocol.classic.StreamedResponse;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.protocol.compression.Algorithm;
import org.rfcbridge.protocol.compression.Compressor;
import org.rfcbridge.protocol.ddic.FunctionInterfaceRows;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.item.ItemReader;
import org.rfcbridge.protocol.item.ItemWriter;
import org.rfcbridge.api.json.FunctionJson;
import org.rfcbridge.protocol.wsrfc.WsRfcMessages;

/**
 * LZ-compressed classic tables ({@code 0x0305}), as real SAP systems send every table from 8,193 bytes:
 * the captured shape of RFC_GET_FUNCTION_INTERFACE's PARAMS (protocol-wsrfc-2026.md §4.1), our own
 * compressed replies read back whole and cut into messages anywhere (also exactly between two
 * {@code 0x0305} records), streamed replies byte-identical to whole ones, and bad content refused naming
 * the table and the offset.
 */
class CompressedTablesTest {
    private static final ResponseOptions OPTIONS = ResponseOptions.registeredServer("RFCBRIDGE", 1.0);
    private static final FunctionMetadata TWO_TABLES = StreamedReplyTest.TWO_TABLES;
    private final ClassicSerializer plain = new ClassicSerializer(ProtocolLimits.DEFAULT);

    /** The captured record sequence: 0301 PARAMS, 0330, 0302 (404, 44), 0310 = 402, 8 x 0305 of 250 bytes. */
    @Test
    void compressedParamsOfTheCapturedShapeDecodeRowByRow() throws Exception {
        FunctionMetadata bapi = fortyFourParameters();
        Table written = FunctionInterfaceRows.RFC_GET_FUNCTION_INTERFACE.newFunction().tables().getTable("PARAMS");
        FunctionInterfaceRows.write(bapi, written);
        assertEquals(44, written.getNumRows());
        byte[] rows = new byte[404 * 44];
        for (int i = 0; i < 44; i++) {
            written.copyRowTo(i, rows, 404 * i);
        }
        byte[] stream = Compressor.compress(Algorithm.LZH, rows, 0, rows.length);
        byte[] joined = new byte[2000];
        Bytes.putI32(joined, 4, stream.length);
        System.arraycopy(stream, 0, joined, 8, stream.length);
        byte[] header = new byte[8];
        Bytes.putI32(header, 0, 404);
        Bytes.putI32(header, 4, 44);
        ItemWriter reply = new ItemWriter().empty(ItemIds.RESPONSE_START).u32(ItemIds.RETURN_CODE, 0)
                .utf16(ItemIds.TABLE_NAME, "PARAMS").u32(ItemIds.TABLE_ID, 1).item(ItemIds.TABLE_HEADER, header)
                .u32(ItemIds.TABLE_USED_WIDTH, 402);
        for (int at = 0; at < joined.length; at += 250) {
            reply.item(ItemIds.TABLE_LZ_CHUNK, joined, at, 250);
        }
        byte[] bytes = reply.end().toByteArray();
        Function gfi = FunctionInterfaceRows.RFC_GET_FUNCTION_INTERFACE.newFunction();
        plain.decoder().decodeResponse(bytes, 0, bytes.length, gfi, "cloud");

        Table params = gfi.tables().getTable("PARAMS");
        assertEquals(44, params.getNumRows());
        params.setRow(43);
        assertEquals("P44", params.getString("PARAMETER"));
        assertEquals(44, params.getInt("POSITION"));
        assertEquals(FunctionInterfaceRows.read("BAPI_44", written, name -> null).parameters(),
                FunctionInterfaceRows.read("BAPI_44", params, name -> null).parameters());
    }

    @ParameterizedTest
    @EnumSource(value = TableCompression.class, names = {"LZH", "LZC"})
    void aCompressedReplyIsReadBackWholeAndInPieces(TableCompression compression) throws Exception {
        ClassicSerializer compressing = new ClassicSerializer(ProtocolLimits.DEFAULT, compression);
        Function cloud = twoTables(2000, 3);
        byte[] whole = compressing.encoder().encodeResponse(cloud, OPTIONS);
        List<Integer> ids = itemIds(whole);
        assertTrue(ids.contains(ItemIds.TABLE_LZ_CHUNK), "T_FIRST (2000 rows) is compressed");
        assertTrue(ids.contains(ItemIds.TABLE_ROW_COMPRESSED), "T_SECOND (3 rows) is not: below 8,193 bytes");
        assertTrue(whole.length < plain.encoder().encodeResponse(cloud, OPTIONS).length / 2);

        Function read = TWO_TABLES.newFunction();
        plain.decoder().decodeResponse(whole, 0, whole.length, read, "cloud");
        assertEquals(values(cloud), values(read));
        for (int size : new int[] {1, 250 + 6, 997, 28_000}) {
            Function pieces = TWO_TABLES.newFunction();
            relay(whole, size, pieces);
            assertEquals(values(cloud), values(pieces), "messages of " + size + " bytes");
        }
    }

    @Test
    void messagesEndingExactlyBetweenTwoCompressedRecordsLoseNothing() throws Exception {
        ClassicSerializer compressing = new ClassicSerializer(ProtocolLimits.DEFAULT, TableCompression.LZH);
        Function cloud = twoTables(3000, 0);
        byte[] whole = compressing.encoder().encodeResponse(cloud, OPTIONS);
        List<Integer> cuts = new ArrayList<>();
        ItemReader reader = new ItemReader(whole);
        while (reader.next()) {
            if (reader.id() == ItemIds.TABLE_LZ_CHUNK) {
                cuts.add(reader.position());
            }
        }
        assertTrue(cuts.size() > 3);
        WsRfcMessages messages = new WsRfcMessages(whole.length);
        Function read = TWO_TABLES.newFunction();
        ResponseDecoder decoder = plain.decoder().responseDecoder(read, "cloud");
        int from = 0;
        for (int cut : List.of(cuts.get(0), cuts.get(1), cuts.get(2), whole.length)) {
            boolean complete = messages.add(java.util.Arrays.copyOfRange(whole, from, cut), 0, cut - from);
            assertEquals(cut == whole.length, complete, "a message ending between two 0305 records is not the end");
            byte[] items = messages.takeItems();
            decoder.feed(items, 0, items.length);
            from = cut;
        }
        decoder.end();
        assertEquals(values(cloud), values(read));
    }

    @Property(tries = 60)
    void aStreamedCompressedReplyHasTheBytesOfTheWholeOne(@ForAll @IntRange(min = 0, max = 900) int firstRows,
                                                          @ForAll @IntRange(min = 1, max = 9000) int messageSize,
                                                          @ForAll @IntRange(min = 1, max = 9000) int partSize,
                                                          @ForAll long seed) throws Exception {
        ClassicSerializer compressing = new ClassicSerializer(ProtocolLimits.DEFAULT, TableCompression.LZH);
        Function cloud = twoTables(firstRows, 40);
        byte[] whole = compressing.encoder().encodeResponse(cloud, OPTIONS);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Function bridge = TWO_TABLES.newFunction();
        StreamedResponse streamed = compressing.encoder().streamedResponse(bridge, OPTIONS, partSize, out::write)
                .streamTables();
        StreamedReplyTest.relay(whole, messageSize, new Random(seed), plain.decoder().responseDecoder(bridge, "cloud"));
        ItemWriter rest = streamed.finish(OPTIONS);
        out.write(rest.buffer(), 0, rest.length());
        assertArrayEquals(whole, out.toByteArray());
    }

    @Test
    void aCompressedRequestTableReachesTheServer() throws Exception {
        ClassicSerializer compressing = new ClassicSerializer(ProtocolLimits.DEFAULT, TableCompression.LZC);
        Function call = ClassicRoundTripTest.ALL.newFunction();
        FunctionJson.setValues(call, Map.of("T_ROWS", rows(500, "Q")));
        byte[] request = compressing.encoder().encodeRequest(call);
        assertTrue(itemIds(request).contains(ItemIds.TABLE_LZ_CHUNK));
        Function received = plain.decoder().decodeRequest(request, 0, request.length, ClassicRoundTripTest.ALL);
        assertEquals(FunctionJson.values(call, Direction.TABLES), FunctionJson.values(received, Direction.TABLES));
    }

    @Test
    void corruptContentIsRefusedNamingTheTableAndWhere() throws Exception {
        byte[] reply = compressedReply();
        int first = firstFragmentValue(reply);
        reply[first + 40] ^= 0x5a;
        reply[first + 41] ^= 0x33;
        RfcProtocolException e = assertThrows(RfcProtocolException.class, () -> decode(reply));
        assertTrue(e.problem().startsWith("compressed table T_FIRST: "), e.problem());
        assertTrue(e.problem().contains("of its joined 0305 content"), e.problem());
    }

    @Test
    void contentWithoutTheWrapperIsRefusedSayingSo() throws Exception {
        byte[] reply = compressedReply();
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        ItemWriter rewritten = new ItemWriter();
        ItemReader reader = new ItemReader(reply);
        while (reader.next()) {
            if (reader.id() == ItemIds.TABLE_LZ_CHUNK) {
                joined.write(reply, reader.valueOffset(), reader.valueLength());
            } else if (reader.id() != ItemIds.END) {
                if (joined.size() > 0) {
                    byte[] content = joined.toByteArray();
                    rewritten.item(ItemIds.TABLE_LZ_CHUNK, content, 8, content.length - 8);
                    joined.reset();
                }
                rewritten.item(reader.id(), reply, reader.valueOffset(), reader.valueLength());
            }
        }
        byte[] bytes = rewritten.end().toByteArray();
        RfcProtocolException e = assertThrows(RfcProtocolException.class, () -> decode(bytes));
        assertEquals("compressed table T_FIRST: the 0305 content starts with SAP's compression header, not with "
                + "the 8-byte wrapper in front of it (byte 0 of its joined 0305 content)", e.problem());
    }

    @Test
    void contentOfAnotherSizeThanTheRowsIsRefused() throws Exception {
        byte[] reply = compressedReply();
        int first = firstFragmentValue(reply);
        reply[first + 8] += 1; // SAP's header: one byte more than the rows
        RfcProtocolException e = assertThrows(RfcProtocolException.class, () -> decode(reply));
        assertTrue(e.problem().contains("more than the"), e.problem());
    }

    @Test
    void contentThatEndsEarlyIsRefused() throws Exception {
        byte[] reply = compressedReply();
        ItemWriter cut = new ItemWriter();
        ItemReader reader = new ItemReader(reply);
        int fragments = 0;
        while (reader.next()) {
            if (reader.id() == ItemIds.TABLE_LZ_CHUNK && ++fragments > 2) {
                continue;
            }
            if (reader.id() != ItemIds.END) {
                cut.item(reader.id(), reply, reader.valueOffset(), reader.valueLength());
            }
        }
        byte[] bytes = cut.end().toByteArray();
        RfcProtocolException e = assertThrows(RfcProtocolException.class, () -> decode(bytes));
        assertTrue(e.problem().contains("compressed table T_FIRST: "), e.problem());
        assertTrue(e.problem().contains("ends"), e.problem());
    }

    @Test
    void fragmentsOutOfOrderAreRefused() throws Exception {
        byte[] reply = compressedReply();
        List<byte[]> fragments = new ArrayList<>();
        ItemReader reader = new ItemReader(reply);
        while (reader.next()) {
            if (reader.id() == ItemIds.TABLE_LZ_CHUNK) {
                fragments.add(java.util.Arrays.copyOfRange(reply, reader.valueOffset(), reader.valueOffset() + reader.valueLength()));
            }
        }
        java.util.Collections.swap(fragments, 1, 2);
        ItemWriter swapped = new ItemWriter();
        reader = new ItemReader(reply);
        int fragment = 0;
        while (reader.next()) {
            if (reader.id() == ItemIds.TABLE_LZ_CHUNK) {
                swapped.item(ItemIds.TABLE_LZ_CHUNK, fragments.get(fragment++));
            } else if (reader.id() != ItemIds.END) {
                swapped.item(reader.id(), reply, reader.valueOffset(), reader.valueLength());
            }
        }
        byte[] bytes = swapped.end().toByteArray();
        RfcProtocolException e = assertThrows(RfcProtocolException.class, () -> decode(bytes));
        assertTrue(e.problem().contains("compressed table T_FIRST: "), e.problem());
    }

    @Test
    void aTableThatMixesRowsAndCompressedContentIsRefused() throws Exception {
        byte[] header = new byte[8];
        Bytes.putI32(header, 0, ClassicRoundTripTest.ROW.byteLength());
        Bytes.putI32(header, 4, 2);
        byte[] reply = new ItemWriter().empty(ItemIds.RESPONSE_START).u32(ItemIds.RETURN_CODE, 0)
                .utf16(ItemIds.TABLE_NAME, "T_FIRST").item(ItemIds.TABLE_HEADER, header)
                .item(ItemIds.TABLE_ROW, new byte[ClassicRoundTripTest.ROW.byteLength()])
                .item(ItemIds.TABLE_LZ_CHUNK, new byte[250]).end().toByteArray();
        RfcProtocolException e = assertThrows(RfcProtocolException.class, () -> decode(reply));
        assertEquals("table T_FIRST mixes rows and compressed content", e.problem());
    }

    @Test
    void tablesBelowTheThresholdAreNeverCompressed() {
        ClassicSerializer compressing = new ClassicSerializer(ProtocolLimits.DEFAULT, TableCompression.LZH);
        int rowLength = ClassicRoundTripTest.ROW.byteLength();
        int rows = (TableCompression.THRESHOLD - 1) / rowLength;
        assertFalse(itemIds(compressing.encoder().encodeResponse(twoTables(rows, 0), OPTIONS))
                .contains(ItemIds.TABLE_LZ_CHUNK), rows + " rows of " + rowLength + " bytes");
        assertTrue(itemIds(compressing.encoder().encodeResponse(twoTables(rows + 1, 0), OPTIONS))
                .contains(ItemIds.TABLE_LZ_CHUNK), (rows + 1) + " rows of " + rowLength + " bytes");
    }

    static FunctionMetadata fortyFourParameters() {
        FunctionMetadata.Builder b = FunctionMetadata.builder("BAPI_44");
        for (int i = 1; i <= 44; i++) {
            b.parameter(i % 2 == 0 ? Direction.EXPORT : Direction.IMPORT, "P" + i, AbapType.CHAR, i, true);
        }
        return b.build();
    }

    private byte[] compressedReply() {
        return new ClassicSerializer(ProtocolLimits.DEFAULT, TableCompression.LZH).encoder()
                .encodeResponse(twoTables(1000, 0), OPTIONS);
    }

    private void decode(byte[] reply) throws Exception {
        plain.decoder().decodeResponse(reply, 0, reply.length, TWO_TABLES.newFunction(), "cloud");
    }

    private static int firstFragmentValue(byte[] reply) throws RfcProtocolException {
        ItemReader reader = new ItemReader(reply);
        while (reader.next()) {
            if (reader.id() == ItemIds.TABLE_LZ_CHUNK) {
                return reader.valueOffset();
            }
        }
        throw new AssertionError("no 0305 item");
    }

    private void relay(byte[] whole, int size, Function into) throws Exception {
        StreamedReplyTest.relay(whole, size, new Random(size), plain.decoder().responseDecoder(into, "cloud"));
    }

    private static List<Integer> itemIds(byte[] chain) {
        List<Integer> ids = new ArrayList<>();
        try {
            ItemReader reader = new ItemReader(chain);
            while (reader.next()) {
                ids.add(reader.id());
            }
        } catch (RfcProtocolException e) {
            throw new AssertionError(e);
        }
        return ids;
    }

    private static Function twoTables(int first, int second) {
        Function f = TWO_TABLES.newFunction();
        FunctionJson.setValues(f, Map.of("E_COUNT", BigDecimal.valueOf(first), "C_TEXT", "changed",
                "T_FIRST", rows(first, "F"), "T_SECOND", rows(second, "S")));
        return f;
    }

    private static Object values(Function f) {
        return FunctionJson.values(f, Direction.EXPORT, Direction.CHANGING, Direction.TABLES);
    }

    private static List<Map<String, Object>> rows(int count, String prefix) {
        return StreamedReplyTest.rows(count, prefix);
    }
}
