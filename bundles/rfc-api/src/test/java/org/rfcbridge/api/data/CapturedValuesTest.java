package org.rfcbridge.api.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.RecordMetadata;

/**
 * Single values cut out of live STFC_STRUCTURE and BAPI_FLIGHT_GETLIST captures (SAP NetWeaver 7.58,
 * {@code shared/vectors/sap-captures/values/}): our buffers must read SAP's bytes as the values SAP
 * meant, and write the same bytes for them.
 */
class CapturedValuesTest {
    static final RecordMetadata VALUES = RecordMetadata.builder("VALUES")
            .field("INT4", AbapType.INT4).field("INT2", AbapType.INT2).field("FLOAT", AbapType.FLOAT)
            .field("DATE", AbapType.DATE).field("TIME", AbapType.TIME).field("CHAR", AbapType.CHAR, 2)
            .bcd("BCD", 8, 2).build();

    private static byte[] capture(String name) throws IOException {
        Path vectors = Path.of(System.getProperty("rfcbridge.vectors", "../../../shared/vectors"));
        Path file = vectors.resolve("sap-captures/values").resolve(name);
        assumeTrue(Files.isRegularFile(file), "skipped: the SAP captures are not at " + file.toAbsolutePath()
                + " (shared/vectors beside the checkout)");
        return Files.readAllBytes(file);
    }

    private static void check(String field, String file, Runnable readBack, java.util.function.Consumer<Structure> write)
            throws IOException {
        byte[] sap = capture(file);
        Structure fromSap = new Structure(VALUES);
        fromSap.setRaw(fromSap.field(field).index(), sap, 0);
        readBack.run();
        Structure ours = new Structure(VALUES);
        write.accept(ours);
        byte[] written = new byte[sap.length];
        ours.getRaw(ours.field(field).index(), written, 0);
        assertArrayEquals(sap, written, "our bytes for " + field + " differ from SAP's");
        holder = fromSap;
    }

    private static Structure holder;

    @Test
    void int4() throws IOException {
        check("INT4", "type_int4.bin", () -> { }, s -> s.setValue("INT4", 65536));
        assertEquals(65536, holder.getInt("INT4"));
    }

    @Test
    void int2() throws IOException {
        check("INT2", "type_int2.bin", () -> { }, s -> s.setValue("INT2", 256));
        assertEquals(256, holder.getInt("INT2"));
    }

    @Test
    void floatingPoint() throws IOException {
        check("FLOAT", "type_float.bin", () -> { }, s -> s.setValue("FLOAT", 3.14159));
        assertEquals(3.14159, holder.getDouble("FLOAT"));
    }

    @Test
    void date() throws IOException {
        check("DATE", "type_date.bin", () -> { }, s -> s.setValue("DATE", LocalDate.of(2026, 6, 26)));
        assertEquals(LocalDate.of(2026, 6, 26), holder.getDate("DATE"));
    }

    @Test
    void time() throws IOException {
        check("TIME", "type_time.bin", () -> { }, s -> s.setValue("TIME", LocalTime.of(12, 0)));
        assertEquals(LocalTime.of(12, 0), holder.getTime("TIME"));
    }

    @Test
    void character() throws IOException {
        check("CHAR", "type_char.bin", () -> { }, s -> s.setValue("CHAR", "AB"));
        assertEquals("AB", holder.getString("CHAR"));
    }

    @Test
    void packedP15Decimals2() throws IOException {
        check("BCD", "type_bcd_p15_2.bin", () -> { }, s -> s.setValue("BCD", new BigDecimal("800000.50")));
        assertEquals(new BigDecimal("800000.50"), holder.getBigDecimal("BCD"));
    }
}
