package org.rfcbridge.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.RecordMetadata;

/** Every integer-valued ABAP type holds exactly its range and refuses one step beyond either end. */
class IntegerTypeBoundsTest {

    @ParameterizedTest(name = "{0}: {1}..{2}")
    @CsvSource({
            "INT1, 0, 255", "INT2, -32768, 32767", "INT4, -2147483648, 2147483647",
            "INT8, -9223372036854775808, 9223372036854775807",
            "UTCLONG, -9223372036854775808, 9223372036854775807",
            "UTCSECOND, -9223372036854775808, 9223372036854775807",
            "UTCMINUTE, -9223372036854775808, 9223372036854775807",
            "DTDAY, -2147483648, 2147483647", "DTWEEK, -2147483648, 2147483647",
            "DTMONTH, -2147483648, 2147483647", "TSECOND, -2147483648, 2147483647",
            "TMINUTE, -32768, 32767", "CDAY, -32768, 32767"})
    void holdsItsRangeAndRefusesBeyond(AbapType type, long min, long max) {
        Structure record = new Structure(RecordMetadata.builder("R").field("V", type).build());
        record.setValue("V", min);
        assertEquals(min, record.getLong("V"));
        record.setValue("V", max);
        assertEquals(max, record.getLong("V"));
        assertEquals(Long.toString(max), record.getString("V"));
        if (min > Long.MIN_VALUE) {
            assertThrows(RfcDataException.class, () -> record.setValue("V", min - 1));
        }
        if (max < Long.MAX_VALUE) {
            assertThrows(RfcDataException.class, () -> record.setValue("V", max + 1));
        } else {
            String beyond = BigInteger.valueOf(max).add(BigInteger.ONE).toString();
            assertThrows(RfcDataException.class, () -> record.setValue("V", beyond));
        }
        assertThrows(RfcDataException.class, () -> record.setValue("V", "not a number"));
        assertThrows(RfcDataException.class, () -> record.getDate("V"));
    }
}
