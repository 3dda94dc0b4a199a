package org.rfcbridge.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.FieldMetadata;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.api.metadata.ParameterMetadata;
import org.rfcbridge.api.metadata.RecordMetadata;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.classic.ResponseOptions;
import org.rfcbridge.protocol.ddic.FieldInfoRows;
import org.rfcbridge.protocol.ddic.FunctionInterfaceRows;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.item.ItemWriter;

/**
 * Function metadata crosses the wire as RFC_GET_FUNCTION_INTERFACE and DDIF_FIELDINFO_GET rows and comes
 * back as the same interface; the row layouts are the ones protocol-wsrfc-2026.md 4.1 and 4.2 document.
 */
class DdicRowsTest {
    static final RecordMetadata RFCTEST = RecordMetadata.builder("RFCTEST")
            .field("RFCFLOAT", AbapType.FLOAT).field("RFCCHAR1", AbapType.CHAR, 1).field("RFCINT2", AbapType.INT2)
            .field("RFCINT1", AbapType.INT1).field("RFCCHAR4", AbapType.CHAR, 4).field("RFCINT4", AbapType.INT4)
            .field("RFCHEX3", AbapType.RAW, 3).field("RFCCHAR2", AbapType.CHAR, 2).field("RFCTIME", AbapType.TIME)
            .field("RFCDATE", AbapType.DATE).field("RFCDATA1", AbapType.CHAR, 50).field("RFCDATA2", AbapType.CHAR, 50)
            .build();
    static final RecordMetadata AMOUNTS = RecordMetadata.builder("ZAMOUNTS")
            .field("KEY", AbapType.NUMC, 10).bcd("AMOUNT", 8, 2).field("CURRENCY", AbapType.CHAR, 5)
            .field("COUNT", AbapType.INT8).build();
    static final FunctionMetadata Z_DDIC = FunctionMetadata.builder("Z_DDIC")
            .parameter(Direction.IMPORT, "I_TEXT", AbapType.CHAR, 40, false)
            .parameter(new ParameterMetadata("I_AMOUNT", Direction.IMPORT, AbapType.BCD, 7, 3, null, true, "1",
                    "An amount"))
            .structure(Direction.CHANGING, "C_TEST", RFCTEST, false)
            .parameter(Direction.EXPORT, "E_COUNT", AbapType.INT4, 0, false)
            .table(Direction.EXPORT, "E_AMOUNTS", AMOUNTS, false)
            .table(Direction.TABLES, "T_TESTS", RFCTEST, true)
            .exception("NOTHING_FOUND", "No data found")
            .build();

    private final ClassicSerializer serializer = new ClassicSerializer(ProtocolLimits.DEFAULT);

    @Test
    void paramsRowHasTheCapturedColumns() {
        RecordMetadata row = FunctionInterfaceRows.ROW;
        List<Integer> offsets = row.fields().stream().map(FieldMetadata::offset).toList();
        assertEquals(List.of(0, 2, 62, 122, 182, 184, 188, 192, 196, 200, 242, 400), offsets);
        assertEquals(404, row.byteLength(), "declared row size of the captured 0302 header");
        RecordMetadata dfies = FieldInfoRows.ROW;
        assertEquals(1350, dfies.byteLength());
        assertEquals(List.of(60, 122, 130, 322, 334, 358, 378),
                dfies.fields().stream().map(FieldMetadata::offset).toList());
    }

    @Test
    void functionInterfaceSurvivesTheWireUnchanged() throws Exception {
        Function gfi = answer(FunctionInterfaceRows.RFC_GET_FUNCTION_INTERFACE, "PARAMS",
                params -> FunctionInterfaceRows.write(Z_DDIC, params));
        FunctionMetadata back = FunctionInterfaceRows.read("Z_DDIC", gfi.tables().getTable("PARAMS"),
                name -> FieldInfoRows.read(name, answer(FieldInfoRows.DDIF_FIELDINFO_GET, "DFIES_TAB",
                        dfies -> FieldInfoRows.write(name.equals("RFCTEST") ? RFCTEST : AMOUNTS, dfies))
                        .tables().getTable("DFIES_TAB")));

        assertEquals(Z_DDIC.parameters().size(), back.parameters().size());
        for (ParameterMetadata expected : Z_DDIC.parameters()) {
            ParameterMetadata actual = back.parameter(expected.name());
            assertEquals(expected.direction(), actual.direction(), expected.name());
            assertEquals(expected.type(), actual.type(), expected.name());
            assertEquals(expected.length(), actual.length(), expected.name());
            assertEquals(expected.decimals(), actual.decimals(), expected.name());
            assertEquals(expected.optional(), actual.optional(), expected.name());
            if (expected.recordType() != null) {
                assertEquals(layout(expected.recordType()), layout(actual.recordType()), expected.name());
                assertEquals(expected.recordType().byteLength(), actual.recordType().byteLength());
            }
        }
        assertEquals("1", back.parameter("I_AMOUNT").defaultValue());
        assertEquals("An amount", back.parameter("I_AMOUNT").description());
        assertEquals("NOTHING_FOUND", back.exceptions().get(0).key());
        assertEquals("No data found", back.exceptions().get(0).text());
        assertEquals(264, back.parameter("C_TEST").recordType().byteLength(), "RFCTEST's Unicode length");
    }

    /** The captured GFI reply: header row size 404, rows of the used width 402, one after another. */
    @Test
    void paramsRowsOfTheUsedWidthAreReadRowByRow() throws Exception {
        Table written = FunctionInterfaceRows.RFC_GET_FUNCTION_INTERFACE.newFunction().tables().getTable("PARAMS");
        FunctionInterfaceRows.write(Z_DDIC, written);
        byte[] header = new byte[8];
        Bytes.putI32(header, 0, 404);
        Bytes.putI32(header, 4, written.getNumRows());
        ItemWriter reply = new ItemWriter().empty(ItemIds.RESPONSE_START).u32(ItemIds.RETURN_CODE, 0)
                .utf16(ItemIds.TABLE_NAME, "PARAMS").u32(ItemIds.TABLE_ID, 1).item(ItemIds.TABLE_HEADER, header);
        byte[] row = new byte[404];
        for (int i = 0; i < written.getNumRows(); i++) {
            written.copyRowTo(i, row, 0);
            reply.item(ItemIds.TABLE_ROW, row, 0, 402);
        }
        byte[] bytes = reply.end().toByteArray();
        Function gfi = FunctionInterfaceRows.RFC_GET_FUNCTION_INTERFACE.newFunction();
        serializer.decoder().decodeResponse(bytes, 0, bytes.length, gfi, "cloud");

        Table params = gfi.tables().getTable("PARAMS");
        assertEquals(written.getNumRows(), params.getNumRows());
        params.setRow(3);
        assertEquals("E", params.getString("PARAMCLASS"));
        assertEquals("E_COUNT", params.getString("PARAMETER"));
        assertEquals(4, params.getInt("POSITION"));
        assertEquals(4, params.getInt("INTLENGTH"));
        params.setRow(6);
        assertEquals("X", params.getString("PARAMCLASS"));
        assertEquals("NOTHING_FOUND", params.getString("PARAMETER"));
    }

    @Test
    void aRowLongerThanTheHeaderSaysIsRefused() {
        byte[] header = new byte[8];
        Bytes.putI32(header, 0, 402);
        Bytes.putI32(header, 4, 1);
        byte[] bytes = new ItemWriter().empty(ItemIds.RESPONSE_START).utf16(ItemIds.TABLE_NAME, "PARAMS")
                .u32(ItemIds.TABLE_ID, 1).item(ItemIds.TABLE_HEADER, header).item(ItemIds.TABLE_ROW, new byte[404])
                .end().toByteArray();
        RfcProtocolException e = assertThrows(RfcProtocolException.class, () -> serializer.decoder().decodeResponse(bytes, 0,
                bytes.length, FunctionInterfaceRows.RFC_GET_FUNCTION_INTERFACE.newFunction(), "cloud"));
        assertEquals(true, e.getMessage().contains("has 404 bytes, the table's rows have 402"), e.getMessage());
    }

    @Test
    void unknownParameterClassIsNamed() {
        Table params = FunctionInterfaceRows.RFC_GET_FUNCTION_INTERFACE.newFunction().tables().getTable("PARAMS");
        params.appendRow();
        params.setValue("PARAMCLASS", "Q");
        params.setValue("PARAMETER", "I_ODD");
        params.setValue("EXID", "C");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FunctionInterfaceRows.read("Z_ODD", params, name -> null));
        assertEquals("parameter I_ODD has the unknown class 'Q'", e.getMessage());
    }

    private interface Filler {
        void fill(Table rows);
    }

    /** Answers a metadata function the way a server does and decodes the reply as a client does. */
    private Function answer(FunctionMetadata metadata, String table, Filler filler) throws Exception {
        Function served = metadata.newFunction();
        filler.fill(served.tables().getTable(table));
        byte[] bytes = serializer.encoder().encodeResponse(served, ResponseOptions.registeredServer("SAPLRFC_METADATA", 1));
        Function received = metadata.newFunction();
        serializer.decoder().decodeResponse(bytes, 0, bytes.length, received, "cloud");
        return received;
    }

    private static String layout(RecordMetadata type) {
        StringBuilder text = new StringBuilder();
        for (FieldMetadata f : type.fields()) {
            text.append(f.name()).append(':').append(f.type()).append('/').append(f.length()).append('.')
                    .append(f.decimals()).append('@').append(f.offset()).append(' ');
        }
        return text.toString();
    }

    /** DFIES itself, known only by the columns read: described with gaps, it reads back as 1,350 bytes. */
    @Test
    void aStructureKnownInPartIsDescribedAsTheWholeItStandsFor() {
        Table rows = FieldInfoRows.DDIF_FIELDINFO_GET.newFunction().tables().getTable("DFIES_TAB");
        FieldInfoRows.write(FieldInfoRows.ROW, rows);
        RecordMetadata read = FieldInfoRows.read("DFIES", rows);
        assertEquals(1350, read.byteLength());
        for (FieldMetadata f : FieldInfoRows.ROW.fields()) {
            assertEquals(f.offset(), read.find(f.name()).offset(), f.name());
        }
        Table plain = FieldInfoRows.DDIF_FIELDINFO_GET.newFunction().tables().getTable("DFIES_TAB");
        FieldInfoRows.write(RFCTEST, plain);
        assertEquals(RFCTEST.fieldCount(), plain.getNumRows(), "a structure without gaps gets no GAP fields");
    }
}
