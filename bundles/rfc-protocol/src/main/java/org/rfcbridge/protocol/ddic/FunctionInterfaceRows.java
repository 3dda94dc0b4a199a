package org.rfcbridge.protocol.ddic;

import java.util.LinkedHashMap;
import java.util.Map;

import org.rfcbridge.api.data.Table;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.api.metadata.ParameterMetadata;
import org.rfcbridge.api.metadata.RecordMetadata;

/**
 * The PARAMS table of RFC_GET_FUNCTION_INTERFACE: one row per parameter (and {@code X} rows for
 * exceptions), 402 used bytes of UTF-16LE in a 404-byte row ({@code protocol-wsrfc-2026.md} §4.1).
 * OFFSET and INTLENGTH are Unicode byte counts on a Unicode connection. Structure and table
 * parameters name their DDIC type in TABNAME; their fields come from DDIF_FIELDINFO_GET
 * ({@link FieldInfoRows}).
 */
public final class FunctionInterfaceRows {
    /** The row type as SAP declares it; its Unicode layout is exactly the captured columns. */
    public static final RecordMetadata ROW = RecordMetadata.builder("RFC_FUNINT")
            .field("PARAMCLASS", AbapType.CHAR, 1).field("PARAMETER", AbapType.CHAR, 30)
            .field("TABNAME", AbapType.CHAR, 30).field("FIELDNAME", AbapType.CHAR, 30).field("EXID", AbapType.CHAR, 1)
            .field("POSITION", AbapType.INT4).field("OFFSET", AbapType.INT4).field("INTLENGTH", AbapType.INT4)
            .field("DECIMALS", AbapType.INT4).field("DEFAULT", AbapType.CHAR, 21).field("PARAMTEXT", AbapType.CHAR, 79)
            .field("OPTIONAL", AbapType.CHAR, 1).build();

    /** RFC_GET_FUNCTION_INTERFACE itself, as far as a client needs it. */
    public static final FunctionMetadata RFC_GET_FUNCTION_INTERFACE = FunctionMetadata.builder("RFC_GET_FUNCTION_INTERFACE")
            .table(Direction.TABLES, "PARAMS", ROW, false)
            .parameter(Direction.IMPORT, "FUNCNAME", AbapType.CHAR, 30, false)
            .exception("FU_NOT_FOUND", "Function module not found").build();

    private static final Map<Direction, String> CLASSES = Map.of(Direction.IMPORT, "I", Direction.EXPORT, "E",
            Direction.CHANGING, "C", Direction.TABLES, "T");

    private FunctionInterfaceRows() {
    }

    /** Writes the rows describing a function (as the simulated cloud system answers). */
    public static void write(FunctionMetadata function, Table params) {
        int position = 1;
        for (ParameterMetadata p : function.parameters()) {
            params.appendRow();
            params.setValue("PARAMCLASS", CLASSES.get(p.direction()));
            params.setValue("PARAMETER", p.name());
            params.setValue("POSITION", position++);
            params.setValue("DEFAULT", p.defaultValue());
            params.setValue("PARAMTEXT", p.description());
            params.setValue("OPTIONAL", p.optional() ? "X" : "");
            if (p.recordType() != null) {
                params.setValue("TABNAME", p.recordType().name());
                // a TABLES parameter names its row structure (u); an IMPORT/EXPORT table names a table type (h)
                params.setValue("EXID", p.direction() != Direction.TABLES && p.type() == AbapType.TABLE ? "h" : "u");
                params.setValue("INTLENGTH", p.recordType().byteLength());
            } else {
                params.setValue("EXID", String.valueOf(p.type().exid()));
                params.setValue("INTLENGTH", p.type().hasDeclaredLength() ? p.type().unicodeByteLength(p.length())
                        : p.type().unicodeByteLength(0));
                params.setValue("DECIMALS", p.decimals());
            }
        }
        for (var exception : function.exceptions()) {
            params.appendRow();
            params.setValue("PARAMCLASS", "X");
            params.setValue("PARAMETER", exception.key());
            params.setValue("PARAMTEXT", exception.text());
        }
    }

    /** Finds the fields of a DDIC structure (the client asks DDIF_FIELDINFO_GET). */
    @FunctionalInterface
    public interface StructureLookup {
        /** The record type of a structure or table row type. */
        RecordMetadata structure(String name) throws Exception;
    }

    /**
     * Reads the rows into function metadata.
     *
     * @throws IllegalArgumentException for a row that cannot be a parameter (unknown class or type code)
     */
    public static FunctionMetadata read(String functionName, Table params, StructureLookup structures) throws Exception {
        FunctionMetadata.Builder builder = FunctionMetadata.builder(functionName);
        Map<String, RecordMetadata> known = new LinkedHashMap<>();
        if (params.firstRow()) {
            do {
                String kind = params.getString("PARAMCLASS");
                String name = params.getString("PARAMETER");
                if (kind.equals("X")) {
                    builder.exception(name, params.getString("PARAMTEXT"));
                    continue;
                }
                Direction direction = direction(kind, name);
                String exid = params.getString("EXID");
                AbapType type = exid.isEmpty() ? AbapType.STRUCTURE : AbapType.fromExid(exid.charAt(0));
                boolean optional = params.getString("OPTIONAL").equals("X");
                String tabname = params.getString("TABNAME");
                if (direction == Direction.TABLES || type == AbapType.TABLE || type == AbapType.STRUCTURE) {
                    RecordMetadata rowType = known.get(tabname);
                    if (rowType == null) {
                        rowType = structures.structure(tabname);
                        known.put(tabname, rowType);
                    }
                    builder.parameter(new ParameterMetadata(name, direction, direction == Direction.TABLES
                            || type == AbapType.TABLE ? AbapType.TABLE : AbapType.STRUCTURE, 0, 0, rowType, optional,
                            params.getString("DEFAULT"), params.getString("PARAMTEXT")));
                } else {
                    int bytes = params.getInt("INTLENGTH");
                    int length = type == AbapType.CHAR || type == AbapType.NUMC ? bytes / 2
                            : type.hasDeclaredLength() ? bytes : 0;
                    builder.parameter(new ParameterMetadata(name, direction, type, length, params.getInt("DECIMALS"),
                            null, optional, params.getString("DEFAULT"), params.getString("PARAMTEXT")));
                }
            } while (params.nextRow());
        }
        return builder.build();
    }

    private static Direction direction(String kind, String parameter) {
        for (Map.Entry<Direction, String> entry : CLASSES.entrySet()) {
            if (entry.getValue().equals(kind)) {
                return entry.getKey();
            }
        }
        throw new IllegalArgumentException("parameter " + parameter + " has the unknown class '" + kind + "'");
    }
}
