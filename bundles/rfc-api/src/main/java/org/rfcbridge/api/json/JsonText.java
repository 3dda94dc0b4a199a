package org.rfcbridge.api.json;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.json.JsonArrayBuilder;
import javax.json.JsonException;
import javax.json.JsonObjectBuilder;
import javax.json.JsonValue;
import javax.json.JsonWriterFactory;
import javax.json.spi.JsonProvider;
import javax.json.stream.JsonGenerator;
import javax.json.stream.JsonLocation;
import javax.json.stream.JsonParser;
import javax.json.stream.JsonParsingException;

/**
 * JSON documents of configuration size (metadata files, call values, command output) read and written through
 * JSON-P, whose implementation (Apache Johnzon) every Karaf 4.4 framework starts. The bridge's commands build
 * their output as plain Java values, so this class maps between those and JSON: objects are
 * {@link LinkedHashMap} (member order kept), arrays {@link List}, numbers {@link BigDecimal}.
 *
 * <p>Reading goes through the streaming parser, not JSON-P's tree reader, because the tree reader recurses once
 * per nesting level without a limit: a hostile document of many {@code [} overflows the stack. Here nesting
 * deeper than {@link #MAX_DEPTH} is refused as an error.
 */
public final class JsonText {
    /** Deepest nesting accepted. */
    public static final int MAX_DEPTH = 64;

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonWriterFactory COMPACT = PROVIDER.createWriterFactory(Map.of());
    private static final JsonWriterFactory PRETTY = PROVIDER.createWriterFactory(
            Map.of(JsonGenerator.PRETTY_PRINTING, Boolean.TRUE));

    private JsonText() {
    }

    /**
     * Parses a document.
     *
     * @throws IllegalArgumentException naming the line and column of the first error
     */
    public static Object parse(String text) {
        try (JsonParser parser = PROVIDER.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new IllegalArgumentException("JSON: the document is empty");
            }
            Object value = value(parser, parser.next(), 0);
            if (parser.hasNext()) {
                throw error("unexpected text after the JSON value", parser.getLocation());
            }
            return value;
        } catch (JsonParsingException e) {
            // Johnzon's text names the line, column and offset
            throw new IllegalArgumentException("JSON: " + e.getMessage(), e);
        } catch (JsonException | IllegalStateException e) {
            // Johnzon reports an unexpected end of the document this way (and some bad tokens as state errors)
            throw new IllegalArgumentException("JSON: " + e.getMessage(), e);
        }
    }

    /** Writes a value (maps, lists, strings, numbers, booleans, {@code null}) as compact JSON. */
    public static String write(Object value) {
        return write(COMPACT, value);
    }

    /** Writes a value indented, for people. */
    public static String writePretty(Object value) {
        return write(PRETTY, value);
    }

    private static String write(JsonWriterFactory factory, Object value) {
        StringWriter out = new StringWriter();
        try (var writer = factory.createWriter(out)) {
            writer.write(json(value));
        }
        return out.toString();
    }

    private static Object value(JsonParser parser, JsonParser.Event event, int depth) {
        switch (event) {
            case START_OBJECT: return object(parser, depth + 1);
            case START_ARRAY: return array(parser, depth + 1);
            case VALUE_STRING: return parser.getString();
            case VALUE_NUMBER: return parser.getBigDecimal();
            case VALUE_TRUE: return Boolean.TRUE;
            case VALUE_FALSE: return Boolean.FALSE;
            case VALUE_NULL: return null;
            default: throw error("unexpected " + event, parser.getLocation());
        }
    }

    private static Map<String, Object> object(JsonParser parser, int depth) {
        checkDepth(parser, depth);
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            String name = parser.getString();
            map.put(name, value(parser, parser.next(), depth));
        }
        return map;
    }

    private static List<Object> array(JsonParser parser, int depth) {
        checkDepth(parser, depth);
        List<Object> list = new ArrayList<>();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            list.add(value(parser, event, depth));
        }
        return list;
    }

    private static void checkDepth(JsonParser parser, int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH, parser.getLocation());
        }
    }

    /** The JSON-P value of a Java value; a number JSON cannot hold (NaN, infinity) becomes {@code null}. */
    private static JsonValue json(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        } else if (value instanceof String s) {
            return PROVIDER.createValue(s);
        } else if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (value instanceof BigDecimal d) {
            return PROVIDER.createValue(d);
        } else if (value instanceof BigInteger i) {
            return PROVIDER.createValue(i);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? PROVIDER.createValue(d) : JsonValue.NULL;
        } else if (value instanceof Number n) {
            return PROVIDER.createValue(n.longValue());
        } else if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = PROVIDER.createObjectBuilder();
            map.forEach((name, member) -> object.add(String.valueOf(name), json(member)));
            return object.build();
        } else if (value instanceof Iterable<?> items) {
            JsonArrayBuilder array = PROVIDER.createArrayBuilder();
            items.forEach(item -> array.add(json(item)));
            return array.build();
        }
        return PROVIDER.createValue(value.toString());
    }

    private static IllegalArgumentException error(String problem, JsonLocation at) {
        return new IllegalArgumentException("JSON: " + problem + " at line " + at.getLineNumber() + ", column "
                + at.getColumnNumber());
    }
}
