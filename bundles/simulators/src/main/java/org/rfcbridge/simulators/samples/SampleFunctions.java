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

    /** The flight model's BAPISFLDAT (a subset of its fields, in SAP's order and types). */
    public static final RecordMetadata BAPISFLDAT = RecordMetadata.builder("BAPISFLDAT")
            .field("AIRLINEID", AbapType.CHAR, 3).field("AIRLINE", AbapType.CHAR, 20).field("CONNECTID", AbapType.NUMC, 4)
            .field("FLIGHTDATE", AbapType.DATE).field("AIRPORTFR", AbapType.CHAR, 3).field("CITYFROM", AbapType.CHAR, 20)
            .field("AIRPORTTO", AbapType.CHAR, 3).field("CITYTO", AbapType.CHAR, 20).field("DEPTIME", AbapType.TIME)
            .field("ARRTIME", AbapType.TIME).field("ARRDATE", AbapType.DATE).bcd("PRICE", 12, 4)
            .field("CURR", AbapType.CHAR, 5).build();

    /** BAPIRET2 as far as the samples fill it. */
    public static final RecordMetadata BAPIRET2 = RecordMetadata.builder("BAPIRET2")
            .field("TYPE", AbapType.CHAR, 1).field("ID", AbapType.CHAR, 20).field("NUMBER", AbapType.NUMC, 3)
            .field("MESSAGE", AbapType.CHAR, 220).build();

    /** BAPI_FLIGHT_GETLIST of the flight model, with the parameters the samples use: a table with structures. */
    public static final FunctionMetadata BAPI_FLIGHT_GETLIST = FunctionMetadata.builder("BAPI_FLIGHT_GETLIST")
            .parameter(Direction.IMPORT, "AIRLINE", AbapType.CHAR, 3, true)
            .parameter(Direction.IMPORT, "MAX_ROWS", AbapType.INT4, 0, true)
            .table(Direction.TABLES, "FLIGHT_LIST", BAPISFLDAT, true)
            .table(Direction.TABLES, "RETURN", BAPIRET2, true)
            .build();

    /** A 512-byte row for the large-table runs. */
    public static final RecordMetadata ROW512 = RecordMetadata.builder("ZRFCB_ROW512")
            .field("LINE", AbapType.RAW, 512).build();

    /** Returns ROW_COUNT generated rows of which the first ROW_WIDTH bytes (at most 512) are filled. */
    public static final FunctionMetadata Z_RFCBRIDGE_READ_ROWS = FunctionMetadata.builder("Z_RFCBRIDGE_READ_ROWS")
            .parameter(Direction.IMPORT, "ROW_COUNT", AbapType.INT4, 0, false)
            .parameter(Direction.IMPORT, "ROW_WIDTH", AbapType.INT4, 0, true)
            .table(Direction.TABLES, "DATA", ROW512, true)
            .build();

    /**
     * Takes the rows of ROWS (an upload from the caller), says how many arrived and their CRC-32 (of the rows' bytes
     * in order), and keeps none: ROWS goes back empty, so only the request is large.
     */
    public static final FunctionMetadata Z_RFCBRIDGE_WRITE_ROWS = FunctionMetadata.builder("Z_RFCBRIDGE_WRITE_ROWS")
            .parameter(Direction.EXPORT, "ROW_COUNT", AbapType.INT4, 0, false)
            .parameter(Direction.EXPORT, "CHECKSUM", AbapType.INT8, 0, false)
            .table(Direction.TABLES, "ROWS", ROW512, false)
            .build();

    /** Raises the error KIND names: ABAP_EXCEPTION (NOT_FOUND), ABAP_MESSAGE or SYSTEM_FAILURE. */
    public static final FunctionMetadata Z_RFCBRIDGE_RAISE = FunctionMetadata.builder("Z_RFCBRIDGE_RAISE")
            .parameter(Direction.IMPORT, "KIND", AbapType.CHAR, 20, false)
            .exception("NOT_FOUND", "Nothing found")
            .build();

    /** Waits MILLISECONDS (at most ten minutes) and answers. */
    public static final FunctionMetadata Z_RFCBRIDGE_SLEEP = FunctionMetadata.builder("Z_RFCBRIDGE_SLEEP")
            .parameter(Direction.IMPORT, "MILLISECONDS", AbapType.INT4, 0, false)
            .build();

    /**
     * A structure of 20 fields: its DDIF_FIELDINFO_GET reply (20 rows of 1,350 bytes) arrives compressed
     * from a real system, as every DFIES_TAB of a structure with 7 or more fields does.
     */
    public static final RecordMetadata ZRFCB_WIDE20 = wide20();

    /**
     * 44 parameters, as BAPI_USER_GET_DETAIL has: its RFC_GET_FUNCTION_INTERFACE reply (44 rows of 404
     * bytes) arrives compressed, as in the capture (protocol-wsrfc-2026.md §4.1). Echoes each I_nn into
     * E_nn and IN_STRUCT into OUT_STRUCT.
     */
    public static final FunctionMetadata Z_RFCBRIDGE_WIDE = wide44();

    private SampleFunctions() {
    }

    private static RecordMetadata wide20() {
        RecordMetadata.Builder b = RecordMetadata.builder("ZRFCB_WIDE20");
        for (int i = 1; i <= 20; i++) {
            String name = String.format("F%02d", i);
            switch (i % 4) {
                case 0: b.field(name, AbapType.INT4); break;
                case 1: b.field(name, AbapType.CHAR, 10); break;
                case 2: b.field(name, AbapType.DATE); break;
                default: b.field(name, AbapType.NUMC, 6); break;
            }
        }
        return b.build();
    }

    private static FunctionMetadata wide44() {
        FunctionMetadata.Builder b = FunctionMetadata.builder("Z_RFCBRIDGE_WIDE");
        for (int i = 1; i <= 21; i++) {
            b.parameter(Direction.EXPORT, String.format("E_%02d", i), AbapType.CHAR, 10, false);
        }
        for (int i = 1; i <= 21; i++) {
            b.parameter(Direction.IMPORT, String.format("I_%02d", i), AbapType.CHAR, 10, true);
        }
        return b.structure(Direction.EXPORT, "OUT_STRUCT", ZRFCB_WIDE20, false)
                .structure(Direction.IMPORT, "IN_STRUCT", ZRFCB_WIDE20, true).build();
    }

    private static final Map<String, FunctionMetadata> ALL = byName(RFC_PING, STFC_CONNECTION, STFC_CHANGING,
            STFC_STRUCTURE, BAPI_FLIGHT_GETLIST, Z_RFCBRIDGE_READ_ROWS, Z_RFCBRIDGE_WRITE_ROWS, Z_RFCBRIDGE_RAISE,
            Z_RFCBRIDGE_SLEEP, Z_RFCBRIDGE_WIDE);

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
