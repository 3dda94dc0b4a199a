package org.rfcbridge.simulators.samples;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.api.metadata.RecordMetadata;

/**
 * The standard test function modules of SAP_BASIS as SE37 shows them (parameter names, types and
 * lengths), in the order RFC_GET_FUNCTION_INTERFACE lists them.
 */
public final class SampleFunctions {
    /** STFC_STRUCTURE's RFCTEST, 264 bytes in the Unicode layout. */
    public static final RecordMetadata RFCTEST = RecordMetadata.builder("RFCTEST")
            .field("RFCFLOAT", AbapType.FLOAT).field("RFCCHAR1", AbapType.CHAR, 1).field("RFCINT2", AbapType.INT2)
            .field("RFCINT1", AbapType.INT1).field("RFCCHAR4", AbapType.CHAR, 4).field("RFCINT4", AbapType.INT4)
            .field("RFCHEX3", AbapType.RAW, 3).field("RFCCHAR2", AbapType.CHAR, 2).field("RFCTIME", AbapType.TIME)
            .field("RFCDATE", AbapType.DATE).field("RFCDATA1", AbapType.CHAR, 50).field("RFCDATA2", AbapType.CHAR, 50)
            .build();

    /** RFC_PING: no parameters. */
    public static final FunctionMetadata RFC_PING = FunctionMetadata.builder("RFC_PING").build();

    /** STFC_CONNECTION: echoes REQUTEXT and says which system answered. */
    public static final FunctionMetadata STFC_CONNECTION = FunctionMetadata.builder("STFC_CONNECTION")
            .parameter(Direction.EXPORT, "ECHOTEXT", AbapType.CHAR, 255, false)
            .parameter(Direction.EXPORT, "RESPTEXT", AbapType.CHAR, 255, false)
            .parameter(Direction.IMPORT, "REQUTEXT", AbapType.CHAR, 255, false)
            .build();

    /** STFC_CHANGING: RESULT = START_VALUE + COUNTER, COUNTER + 1. */
    public static final FunctionMetadata STFC_CHANGING = FunctionMetadata.builder("STFC_CHANGING")
            .parameter(Direction.CHANGING, "COUNTER", AbapType.INT4, 0, true)
            .parameter(Direction.EXPORT, "RESULT", AbapType.INT4, 0, false)
            .parameter(Direction.IMPORT, "START_VALUE", AbapType.INT4, 0, false)
            .build();

    /** STFC_STRUCTURE: echoes a structure and appends it to a table. */
    public static final FunctionMetadata STFC_STRUCTURE = FunctionMetadata.builder("STFC_STRUCTURE")
            .structure(Direction.EXPORT, "ECHOSTRUCT", RFCTEST, false)
            .parameter(Direction.EXPORT, "RESPTEXT", AbapType.CHAR, 255, false)
            .structure(Direction.IMPORT, "IMPORTSTRUCT", RFCTEST, false)
            .table(Direction.TABLES, "RFCTABLE", RFCTEST, true)
            .build();

    private SampleFunctions() {
    }

    private static final Map<String, FunctionMetadata> ALL = byName(RFC_PING, STFC_CONNECTION, STFC_CHANGING,
            STFC_STRUCTURE);

    /** The samples by name, in SE37's order; built once because every simulated call looks here. */
    public static Map<String, FunctionMetadata> all() {
        return ALL;
    }

    private static Map<String, FunctionMetadata> byName(FunctionMetadata... functions) {
        Map<String, FunctionMetadata> all = new LinkedHashMap<>();
        for (FunctionMetadata f : functions) {
            all.put(f.name(), f);
        }
        return Collections.unmodifiableMap(all);
    }
}
