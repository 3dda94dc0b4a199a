package org.rfcbridge.api.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.RfcDataException;

class FunctionMetadataTest {

    static FunctionMetadata stfcChanging() {
        return FunctionMetadata.builder("STFC_CHANGING")
                .parameter(Direction.IMPORT, "START_VALUE", AbapType.INT4, 0, false)
                .parameter(Direction.EXPORT, "RESULT", AbapType.INT4, 0, false)
                .parameter(Direction.CHANGING, "COUNTER", AbapType.INT4, 0, true)
                .table(Direction.TABLES, "ROWS", RecordMetadataTest.rfcTest(), true)
                .exception("EXAMPLE", "Example exception")
                .build();
    }

    @Test
    void parametersAreGroupedByKindIntoParameterLists() {
        FunctionMetadata metadata = stfcChanging();
        assertEquals(1, metadata.parameterList(Direction.IMPORT).fieldCount());
        assertEquals("START_VALUE", metadata.parameterList(Direction.IMPORT).field(0).name());
        assertEquals("COUNTER", metadata.parameterList(Direction.CHANGING).field(0).name());
        assertEquals(AbapType.TABLE, metadata.parameterList(Direction.TABLES).find("ROWS").type());
        assertTrue(metadata.parameter("COUNTER").optional());
        assertNull(metadata.parameter("NOPE"));
        assertEquals("EXAMPLE", metadata.exceptions().get(0).key());
    }

    @Test
    void aNewCallHasInitialValuesAndEveryOutputActive() {
        Function call = stfcChanging().newFunction();
        assertEquals(0, call.imports().getInt("START_VALUE"));
        assertEquals(0, call.tables().getTable("ROWS").getNumRows());
        assertTrue(call.isActive("RESULT"));
        call.setActive("RESULT", false);
        assertFalse(call.isActive("RESULT"));
        call.setActive("RESULT", true);
        assertTrue(call.isActive(call.metadata().parameter("RESULT")));
        assertEquals("function STFC_CHANGING has no parameter NOPE",
                assertThrows(RfcDataException.class, () -> call.setActive("NOPE", false)).getMessage());
        call.changing().setValue("COUNTER", 2);
        assertEquals(2, call.parameters(Direction.CHANGING).getInt("COUNTER"));
    }

    @Test
    void wrongInterfacesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> FunctionMetadata.builder("F")
                .parameter(Direction.IMPORT, "A", AbapType.INT4, 0, false)
                .parameter(Direction.EXPORT, "A", AbapType.INT4, 0, false).build());
        assertThrows(IllegalArgumentException.class, () -> new ParameterMetadata("T", Direction.TABLES, AbapType.CHAR,
                1, 0, null, false, null, null));
        assertThrows(IllegalArgumentException.class, () -> FunctionMetadata.builder(null));
    }
}
