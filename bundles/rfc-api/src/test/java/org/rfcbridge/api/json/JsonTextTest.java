package org.rfcbridge.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** JSON documents through JSON-P: the Java values kept, hostile and broken documents refused with a clear error. */
class JsonTextTest {
    @Test
    void valuesRoundTripWithMemberOrderAndTypesKept() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("z", "line\nbreak \"quoted\" \\ tab\t \u0001 / ümlaut");
        document.put("a", List.of(1, 2L, new BigDecimal("12345678901234567890.5"), true, false));
        document.put("empty", Map.of());
        document.put("none", null);
        String compact = JsonText.write(document);
        assertTrue(compact.startsWith("{\"z\":\"line\\nbreak \\\"quoted\\\" \\\\ tab\\t "), compact);
        @SuppressWarnings("unchecked")
        Map<String, Object> read = (Map<String, Object>) JsonText.parse(compact);
        assertEquals(List.of("z", "a", "empty", "none"), List.copyOf(read.keySet()));
        assertEquals(document.get("z"), read.get("z"));
        assertEquals(Arrays.asList(new BigDecimal(1), new BigDecimal(2), new BigDecimal("12345678901234567890.5"),
                true, false), read.get("a"));
        assertEquals(Map.of(), read.get("empty"));
        assertTrue(read.containsKey("none") && read.get("none") == null);
        assertEquals(read, JsonText.parse(JsonText.writePretty(document)));
    }

    @Test
    void aNumberJsonCannotHoldIsWrittenAsNull() {
        assertEquals("[null,null,1.5]", JsonText.write(List.of(Double.NaN, Double.POSITIVE_INFINITY, 1.5)));
    }

    @Test
    void deepNestingIsRefusedAsAnErrorNotAStackOverflow() {
        String deep = "[".repeat(100_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonText.parse(deep));
        assertTrue(e.getMessage().startsWith("JSON: nesting deeper than 64"), e.getMessage());
        String allowed = "[".repeat(JsonText.MAX_DEPTH) + "]".repeat(JsonText.MAX_DEPTH);
        assertTrue(JsonText.parse(allowed) instanceof List);
    }

    @Test
    void brokenDocumentsAreRefusedNamingWhere() {
        for (String broken : List.of("", "{\"a\": [1, 2,}", "{\"a\": 1} trailing", "{\"a\": tru}", "\"open",
                "{\"a\" 1}", "[1 2]")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonText.parse(broken),
                    broken);
            assertTrue(e.getMessage().startsWith("JSON: "), broken + ": " + e.getMessage());
        }
    }
}
