package org.rfcbridge.cpic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.FunctionMetadata;

/** The values a listener with {@code call.log.values} writes to the call log: no password, no table rows, bounded. */
class CallValuesTest {
    private static final FunctionMetadata LOGON_CHECK = FunctionMetadata.builder("Z_LOGON_CHECK")
            .parameter(Direction.IMPORT, "USERNAME", AbapType.CHAR, 12, false)
            .parameter(Direction.IMPORT, "PASSWORD", AbapType.CHAR, 40, false)
            .parameter(Direction.CHANGING, "NEW_PASSWD", AbapType.CHAR, 40, true)
            .parameter(Direction.CHANGING, "COUNTER", AbapType.INT4, 0, true)
            .parameter(Direction.EXPORT, "RESULT", AbapType.CHAR, 1, false)
            .build();

    @Test
    void importingAndChangingValuesWithPasswordsHidden() {
        Function call = LOGON_CHECK.newFunction();
        call.imports().setValue("USERNAME", "DEVELOPER");
        call.imports().setValue("PASSWORD", "Secret-123");
        call.changing().setValue("NEW_PASSWD", "Secret-456");
        call.changing().setValue("COUNTER", 7);
        String values = CallValues.of(call);
        assertTrue(values.contains("\"USERNAME\":\"DEVELOPER\"") && values.contains("\"COUNTER\":7"), values);
        assertTrue(values.contains("\"PASSWORD\":\"***\"") && values.contains("\"NEW_PASSWD\":\"***\""), values);
        assertFalse(values.contains("Secret-"), values);
        assertFalse(values.contains("RESULT"), "exporting parameters are the reply's, not the call's: " + values);
    }

    @Test
    void longValuesAreCut() {
        FunctionMetadata.Builder builder = FunctionMetadata.builder("Z_LONG");
        for (int i = 0; i < 10; i++) {
            builder.parameter(Direction.IMPORT, "TEXT" + i, AbapType.CHAR, 255, false);
        }
        Function call = builder.build().newFunction();
        for (int i = 0; i < 10; i++) {
            call.imports().setValue("TEXT" + i, "x".repeat(255));
        }
        String values = CallValues.of(call);
        assertEquals(CallValues.MAX_CHARS + 3, values.length());
        assertTrue(values.endsWith("..."));
    }
}
