package org.rfcbridge.simulators.cloud;

import java.util.HashMap;
import java.util.Map;

import org.rfcbridge.api.AbapException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.api.metadata.ParameterMetadata;
import org.rfcbridge.api.metadata.RecordMetadata;
import org.rfcbridge.protocol.ddic.FieldInfoRows;
import org.rfcbridge.protocol.ddic.FunctionInterfaceRows;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * The DDIC look-ups a client makes in its repository system (the tutorial names the cloud system as
 * repository server; SAP_COM_0636 allows them): RFC_GET_FUNCTION_INTERFACE, DDIF_FIELDINFO_GET and
 * RFC_METADATA_GET, answered from the functions the simulated system offers, the look-up functions
 * included, so a caller that reads metadata through the bridge gets it as from a real system. Our
 * choice: they are open to every logged-on user, whatever the function allowlist says, because a
 * repository look-up is not a business call.
 */
final class RepositoryFunctions {
    /**
     * RFC_METADATA_GET as this simulator offers it: the function's name in, its parameters out in
     * RFC_GET_FUNCTION_INTERFACE's rows. SAP's own interface of RFC_METADATA_GET is not published
     * (docs/protocol.md); this stand-in is ours, unverified.
     */
    static final FunctionMetadata RFC_METADATA_GET = FunctionMetadata.builder("RFC_METADATA_GET")
            .parameter(Direction.IMPORT, "FUNCTIONNAME", AbapType.CHAR, 30, false)
            .table(Direction.TABLES, "PARAMS", FunctionInterfaceRows.ROW, false)
            .exception("FU_NOT_FOUND", "Function module not found").build();

    /** The look-up functions by name. */
    static final Map<String, FunctionMetadata> METADATA = Map.of(
            FunctionInterfaceRows.RFC_GET_FUNCTION_INTERFACE.name(), FunctionInterfaceRows.RFC_GET_FUNCTION_INTERFACE,
            FieldInfoRows.DDIF_FIELDINFO_GET.name(), FieldInfoRows.DDIF_FIELDINFO_GET,
            RFC_METADATA_GET.name(), RFC_METADATA_GET);

    private RepositoryFunctions() {
    }

    /** Answers a look-up, raising FU_NOT_FOUND or NOT_FOUND as SAP does. */
    static void execute(Function call) throws AbapException {
        Map<String, FunctionMetadata> functions = describable();
        if (call.name().equals(FieldInfoRows.DDIF_FIELDINFO_GET.name())) {
            String tabname = call.imports().getString("TABNAME");
            RecordMetadata structure = structure(tabname, functions);
            if (structure == null) {
                throw new AbapException("NOT_FOUND", "Nothing found");
            }
            FieldInfoRows.write(structure, call.tables().getTable("DFIES_TAB"));
            return;
        }
        String funcname = call.imports().getString(call.name().equals(RFC_METADATA_GET.name()) ? "FUNCTIONNAME"
                : "FUNCNAME");
        FunctionMetadata function = functions.get(funcname);
        if (function == null) {
            throw new AbapException("FU_NOT_FOUND", "Function module " + funcname + " not found");
        }
        FunctionInterfaceRows.write(function, call.tables().getTable("PARAMS"));
    }

    /** Every function the system offers, the look-up functions included. */
    private static Map<String, FunctionMetadata> describable() {
        Map<String, FunctionMetadata> all = new HashMap<>(SampleFunctions.all());
        all.putAll(METADATA);
        return all;
    }

    private static RecordMetadata structure(String name, Map<String, FunctionMetadata> functions) {
        for (FunctionMetadata function : functions.values()) {
            for (ParameterMetadata p : function.parameters()) {
                if (p.recordType() != null && p.recordType().name().equals(name)) {
                    return p.recordType();
                }
            }
        }
        return null;
    }
}
