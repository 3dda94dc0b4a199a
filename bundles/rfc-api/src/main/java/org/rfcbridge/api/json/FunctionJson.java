package org.rfcbridge.api.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rfcbridge.api.AbapException;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.Record;
import org.rfcbridge.api.data.Structure;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.FieldMetadata;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.api.metadata.ParameterMetadata;
import org.rfcbridge.api.metadata.RecordMetadata;

/**
 * Function metadata and call values as JSON.
 *
 * <p>Metadata: {@code {"name": "STFC_CHANGING", "parameters": [{"name": "START_VALUE", "direction":
 * "IMPORT", "type": "INT4"}, {"name": "ROWS", "direction": "TABLES", "type": "TABLE", "rowType":
 * {"name": "RFCTEST", "fields": [{"name": "RFCCHAR1", "type": "CHAR", "length": 1}, ...]}}],
 * "exceptions": [{"key": "EXAMPLE"}]}}; {@code length} is in characters for CHAR/NUMC and bytes for
 * RAW/BCD, {@code decimals} for BCD, {@code optional} and {@code default} as in SE37.
 *
 * <p>Values: one object keyed by parameter name; structures are objects, tables arrays of objects,
 * RAW/XSTRING base64, dates {@code yyyy-MM-dd}, packed numbers decimal strings.
 */
public final class FunctionJson {
    private FunctionJson() {
    }

    /** Reads metadata from its JSON form (an object as above). */
    public static FunctionMetadata metadata(Object json) {
        Map<String, Object> m = object(json, "function metadata");
        FunctionMetadata.Builder builder = FunctionMetadata.builder(string(m, "name"));
        for (Object p : list(m.get("parameters"))) {
            Map<String, Object> pm = object(p, "parameter");
            AbapType type = AbapType.valueOf(string(pm, "type"));
            RecordMetadata rowType = pm.containsKey("rowType") ? record(pm.get("rowType")) : null;
            builder.parameter(new ParameterMetadata(string(pm, "name"), Direction.valueOf(string(pm, "direction")), type,
                    integer(pm, "length"), integer(pm, "decimals"), rowType, Boolean.TRUE.equals(pm.get("optional")),
                    (String) pm.get("default"), (String) pm.get("description")));
        }
        for (Object e : list(m.get("exceptions"))) {
            Map<String, Object> em = object(e, "exception");
            builder.exception(string(em, "key"), (String) em.getOrDefault("text", ""));
        }
        return builder.build();
    }

    /** Reads the metadata of several functions: an array of objects as above, or one such object. */
    public static List<FunctionMetadata> functions(Object json) {
        List<FunctionMetadata> functions = new ArrayList<>();
        for (Object item : json instanceof List<?> list ? list : List.of(json)) {
            functions.add(metadata(item));
        }
        return functions;
    }

    /** The JSON form of metadata. */
    public static Map<String, Object> toJson(FunctionMetadata metadata) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", metadata.name());
        List<Object> parameters = new ArrayList<>();
        for (ParameterMetadata p : metadata.parameters()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name());
            pm.put("direction", p.direction().name());
            pm.put("type", p.type().name());
            if (p.length() > 0) {
                pm.put("length", p.length());
            }
            if (p.decimals() > 0) {
                pm.put("decimals", p.decimals());
            }
            if (p.recordType() != null) {
                pm.put("rowType", toJson(p.recordType()));
            }
            if (p.optional()) {
                pm.put("optional", true);
            }
            if (!p.defaultValue().isEmpty()) {
                pm.put("default", p.defaultValue());
            }
            if (!p.description().isEmpty()) {
                pm.put("description", p.description());
            }
            parameters.add(pm);
        }
        m.put("parameters", parameters);
        List<Object> exceptions = new ArrayList<>();
        metadata.exceptions().forEach(e -> exceptions.add(Map.of("key", e.key(), "text", e.text())));
        m.put("exceptions", exceptions);
        return m;
    }

    /** Reads a record type. */
    public static RecordMetadata record(Object json) {
        Map<String, Object> m = object(json, "record type");
        RecordMetadata.Builder builder = RecordMetadata.builder(string(m, "name"));
        for (Object f : list(m.get("fields"))) {
            Map<String, Object> fm = object(f, "field");
            AbapType type = AbapType.valueOf(string(fm, "type"));
            RecordMetadata nested = fm.containsKey("rowType") ? record(fm.get("rowType")) : null;
            int offset = fm.containsKey("offset") ? integer(fm, "offset") : -1;
            builder.field(string(fm, "name"), type, integer(fm, "length"), integer(fm, "decimals"), nested,
                    (String) fm.get("description"), offset);
        }
        return builder.build();
    }

    /** The JSON form of a record type. */
    public static Map<String, Object> toJson(RecordMetadata type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", type.name());
        List<Object> fields = new ArrayList<>();
        for (FieldMetadata f : type.fields()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("name", f.name());
            fm.put("type", f.type().name());
            if (f.length() > 0) {
                fm.put("length", f.length());
            }
            if (f.decimals() > 0) {
                fm.put("decimals", f.decimals());
            }
            if (f.recordType() != null) {
                fm.put("rowType", toJson(f.recordType()));
            }
            fm.put("offset", f.offset());
            fields.add(fm);
        }
        m.put("fields", fields);
        return m;
    }

    /** Sets parameter values from an object keyed by parameter name; unknown names are refused. */
    public static void setValues(Function function, Object json) {
        for (Map.Entry<String, Object> entry : object(json, "parameter values").entrySet()) {
            ParameterMetadata p = function.metadata().parameter(entry.getKey());
            if (p == null) {
                throw new IllegalArgumentException(function.name() + " has no parameter " + entry.getKey());
            }
            Structure list = function.parameters(p.direction());
            setField(list, list.field(p.name()), entry.getValue());
        }
    }

    /** The values of the parameters of the given kinds, keyed by name. */
    public static Map<String, Object> values(Function function, Direction... directions) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterMetadata p : function.metadata().parameters()) {
            for (Direction direction : directions) {
                if (p.direction() == direction) {
                    Structure list = function.parameters(direction);
                    values.put(p.name(), field(list, list.field(p.name())));
                }
            }
        }
        return values;
    }

    /** The JSON form of an error: its kind, text and, for exceptions, the key. */
    public static Map<String, Object> error(RfcException error) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", error.kind().name());
        if (error instanceof AbapException e) {
            m.put("key", e.key());
        }
        m.put("message", error.getMessage());
        return m;
    }

    /** The JSON form of a record's fields. */
    public static Map<String, Object> fields(Record record) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldMetadata f : record.metadata().fields()) {
            values.put(f.name(), field(record, f));
        }
        return values;
    }

    private static Object field(Record record, FieldMetadata f) {
        switch (f.type()) {
            case TABLE: {
                Table table = record.getTable(f.index());
                List<Object> rows = new ArrayList<>();
                if (table.firstRow()) {
                    do {
                        rows.add(fields(table));
                    } while (table.nextRow());
                }
                return rows;
            }
            case STRUCTURE: return fields(record.getStructure(f.index()));
            case RAW: case XSTRING: return Base64.getEncoder().encodeToString(record.getBytes(f.index()));
            case INT1: case INT2: case INT4: case INT8: return record.getLong(f.index());
            case FLOAT: return record.getDouble(f.index());
            case BCD: case DECF16: case DECF34: return record.getBigDecimal(f.index()).toPlainString();
            default:
                if (f.type().isInteger()) {
                    return record.getLong(f.index());
                }
                return record.getString(f.index());
        }
    }

    private static void setField(Record record, FieldMetadata f, Object value) {
        switch (f.type()) {
            case TABLE: {
                Table table = record.getTable(f.index());
                table.clear();
                for (Object row : list(value)) {
                    table.appendRow();
                    setFields(table, row);
                }
                return;
            }
            case STRUCTURE:
                setFields(record.getStructure(f.index()), value);
                return;
            case RAW: case XSTRING:
                record.setValue(f.index(), Base64.getDecoder().decode(String.valueOf(value)));
                return;
            default:
                if (value instanceof BigDecimal number) {
                    record.setValue(f.index(), number);
                } else {
                    record.setValue(f.index(), value == null ? null : String.valueOf(value));
                }
        }
    }

    private static void setFields(Record record, Object json) {
        for (Map.Entry<String, Object> entry : object(json, record.metadata().name()).entrySet()) {
            setField(record, record.field(entry.getKey()), entry.getValue());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json, String what) {
        if (!(json instanceof Map)) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object json) {
        if (json == null) {
            return List.of();
        }
        if (!(json instanceof List)) {
            throw new IllegalArgumentException("expected a JSON array");
        }
        return (List<Object>) json;
    }

    private static String string(Map<String, Object> m, String key) {
        Object value = m.get(key);
        if (!(value instanceof String s) || s.isEmpty()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a non-empty string");
        }
        return s;
    }

    private static int integer(Map<String, Object> m, String key) {
        Object value = m.get(key);
        return value == null ? 0 : ((BigDecimal) value).intValueExact();
    }
}
