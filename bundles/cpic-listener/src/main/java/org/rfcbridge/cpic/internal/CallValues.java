package org.rfcbridge.cpic.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.json.FunctionJson;
import org.rfcbridge.api.json.JsonText;

/**
 * A call's IMPORTING and CHANGING values for the call log, where a listener's setting {@code call.log.values}
 * asks for them: compact JSON, a table as its row count, a field whose name says it holds a password as
 * {@value #HIDDEN}, cut at {@value #MAX_CHARS} characters.
 */
final class CallValues {
    static final String HIDDEN = "***";
    static final int MAX_CHARS = 1000;
    /** Field and parameter names that hold secrets in SAP's function modules (PASSWORD, PASSWD, PWD, ...). */
    private static final Pattern SECRET = Pattern.compile("(?i).*(PASSWORD|PASSWD|PWD|SECRET|PASSCODE).*");

    private CallValues() {
    }

    static String of(Function call) {
        String json = JsonText.write(shown(FunctionJson.values(call, Direction.IMPORT, Direction.CHANGING)));
        return json.length() <= MAX_CHARS ? json : json.substring(0, MAX_CHARS) + "...";
    }

    private static Map<String, Object> shown(Map<String, Object> values) {
        Map<String, Object> shown = new LinkedHashMap<>();
        values.forEach((name, value) -> shown.put(name, SECRET.matcher(name).matches() ? HIDDEN : shown(value)));
        return shown;
    }

    @SuppressWarnings("unchecked")
    private static Object shown(Object value) {
        if (value instanceof Map<?, ?> structure) {
            return shown((Map<String, Object>) structure);
        }
        if (value instanceof List<?> rows) {
            return rows.size() + " rows";
        }
        return value;
    }
}
