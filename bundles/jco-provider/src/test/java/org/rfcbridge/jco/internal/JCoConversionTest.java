package org.rfcbridge.jco.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.sap.conn.jco.AbapException;
import com.sap.conn.jco.JCoMetaData;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.api.metadata.ParameterMetadata;

class JCoConversionTest {
    static final FakeJCo.Meta ROW = new FakeJCo.Meta("ZROW", FakeJCo.Field.of("CARRID", JCoMetaData.TYPE_CHAR, 3),
            FakeJCo.Field.of("SEATS", JCoMetaData.TYPE_INT, 4),
            new FakeJCo.Field("PRICE", JCoMetaData.TYPE_BCD, 15, 8, 2, null, false),
            FakeJCo.Field.of("FLDATE", JCoMetaData.TYPE_DATE, 8));

    /** A function with every parameter kind: IMPORTING, EXPORTING, CHANGING and TABLES. */
    static FakeJCo.Template flights() {
        return new FakeJCo.Template("Z_FLIGHTS",
                new FakeJCo.Meta("IMPORTS", new FakeJCo.Field("AIRLINE", JCoMetaData.TYPE_CHAR, 3, 3, 0, null, false),
                        new FakeJCo.Field("MAX_ROWS", JCoMetaData.TYPE_INT, 4, 4, 0, null, true),
                        new FakeJCo.Field("RAW_KEY", JCoMetaData.TYPE_BYTE, 4, 4, 0, null, true)),
                new FakeJCo.Meta("EXPORTS", FakeJCo.Field.of("COUNT", JCoMetaData.TYPE_INT, 4),
                        new FakeJCo.Field("HEADER", JCoMetaData.TYPE_STRUCTURE, 0, 0, 0, ROW, false)),
                new FakeJCo.Meta("CHANGING", FakeJCo.Field.of("COUNTER", JCoMetaData.TYPE_INT8, 8)),
                new FakeJCo.Meta("TABLES", new FakeJCo.Field("FLIGHTS", JCoMetaData.TYPE_TABLE, 0, 0, 0, ROW, false)),
                new AbapException("NOT_FOUND", "No flights found"));
    }

    @Test
    void jcoMetadataBecomesOurFunctionInterface() {
        FunctionMetadata metadata = JCoMetadata.function(flights());
        assertEquals("Z_FLIGHTS", metadata.name());
        ParameterMetadata airline = metadata.parameter("AIRLINE");
        assertEquals(Direction.IMPORT, airline.direction());
        assertEquals(AbapType.CHAR, airline.type());
        assertEquals(3, airline.length());
        assertEquals(true, metadata.parameter("MAX_ROWS").optional());
        assertEquals(AbapType.RAW, metadata.parameter("RAW_KEY").type());
        assertEquals(Direction.EXPORT, metadata.parameter("HEADER").direction());
        assertEquals(AbapType.STRUCTURE, metadata.parameter("HEADER").type());
        assertEquals(AbapType.INT8, metadata.parameter("COUNTER").type());
        assertEquals(Direction.CHANGING, metadata.parameter("COUNTER").direction());
        ParameterMetadata flights = metadata.parameter("FLIGHTS");
        assertEquals(Direction.TABLES, flights.direction());
        assertEquals(AbapType.TABLE, flights.type());
        assertEquals(AbapType.BCD, flights.recordType().find("PRICE").type());
        assertEquals(8, flights.recordType().find("PRICE").length(), "BCD length in bytes, as our metadata counts it");
        assertEquals(2, flights.recordType().find("PRICE").decimals());
        assertEquals("NOT_FOUND", metadata.exceptions().get(0).key());
        assertEquals("No flights found", metadata.exceptions().get(0).text());
    }

    @Test
    void aFunctionWithoutSomeParameterKindsHasNullListsInJCo() {
        FakeJCo.Template ping = new FakeJCo.Template("RFC_PING", null, null, null, null);
        FunctionMetadata metadata = JCoMetadata.function(ping);
        assertTrue(metadata.parameters().isEmpty());
        Function function = metadata.newFunction();
        JCoRecords.requestToJCo(function, ping.getFunction());      // no NullPointerException on JCo's nulls
        JCoRecords.responseFromJCo(ping.getFunction(), function);
    }

    @Test
    void aJCoTypeWeDoNotConvertIsNamedWithItsField() {
        FakeJCo.Template boxed = new FakeJCo.Template("Z_BOX", new FakeJCo.Meta("IMPORTS",
                FakeJCo.Field.of("BOXED", 31, 8)), null, null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JCoMetadata.function(boxed));
        assertTrue(e.getMessage().contains("BOXED") && e.getMessage().contains("JCo type 31"), e.getMessage());
    }

    @Test
    void requestValuesReachJCoAndReplyValuesComeBack() {
        FakeJCo.Template template = flights();
        Function function = JCoMetadata.function(template).newFunction();
        function.imports().setValue("AIRLINE", "LH");
        function.imports().setValue("MAX_ROWS", 20);
        function.imports().setValue("RAW_KEY", new byte[] {1, 2, 3, 4});
        function.changing().setValue("COUNTER", 9_000_000_000L);
        Table flights = function.tables().getTable("FLIGHTS");
        flights.appendRow();
        flights.setValue("CARRID", "LH");
        flights.setValue("SEATS", 180);
        flights.setValue("PRICE", new BigDecimal("666.50"));
        flights.setValue("FLDATE", LocalDate.of(2026, 11, 24));
        FakeJCo.Function jco = (FakeJCo.Function) template.getFunction();

        JCoRecords.requestToJCo(function, jco);

        assertEquals("LH", jco.imports.getString("AIRLINE"));
        assertEquals(20, jco.imports.getInt("MAX_ROWS"));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, jco.imports.getByteArray("RAW_KEY"));
        assertEquals(9_000_000_000L, jco.changing.getLong("COUNTER"));
        FakeJCo.Table jcoFlights = (FakeJCo.Table) jco.tables.getTable("FLIGHTS");
        assertEquals(1, jcoFlights.getNumRows());
        assertEquals(1, jcoFlights.capacity, "the JCo table is sized once before its rows");
        jcoFlights.setRow(0);
        assertEquals(new BigDecimal("666.50"), jcoFlights.getBigDecimal("PRICE"));
        assertEquals(java.sql.Date.valueOf(LocalDate.of(2026, 11, 24)), jcoFlights.getDate("FLDATE"));

        // the remote side answers
        jco.exports.setValue("COUNT", 2);
        jco.exports.getStructure("HEADER").setValue("CARRID", "UA");
        jco.changing.setValue("COUNTER", 9_000_000_001L);
        jcoFlights.appendRow();
        jcoFlights.setValue("CARRID", "UA");
        jcoFlights.setValue("SEATS", 300);
        jcoFlights.setValue("PRICE", new BigDecimal("1200.00"));
        jcoFlights.setValue("FLDATE", (Object) null);              // initial date

        Function reply = JCoMetadata.function(template).newFunction();
        JCoRecords.responseFromJCo(jco, reply);

        assertEquals(2, reply.exports().getInt("COUNT"));
        assertEquals("UA", reply.exports().getStructure("HEADER").getString("CARRID").trim());
        assertEquals(9_000_000_001L, reply.changing().getLong("COUNTER"));
        Table back = reply.tables().getTable("FLIGHTS");
        assertEquals(2, back.getNumRows());
        back.setRow(0);
        assertEquals(LocalDate.of(2026, 11, 24), back.getDate("FLDATE"));
        back.setRow(1);
        assertEquals(300, back.getInt("SEATS"));
        assertEquals(new BigDecimal("1200.00"), back.getBigDecimal("PRICE"));
        assertEquals(null, back.getDate("FLDATE"), "an initial date stays initial");
    }
}
