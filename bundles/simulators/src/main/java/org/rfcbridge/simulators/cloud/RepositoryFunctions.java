package org.rfcbridge.simulators.cloud;

import java.util.Map;

import org.rfcbridge.api.AbapException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.api.metadata.ParameterMetadata;
import org.rfcbridge.api.metadata.RecordMetadata;
import org.rfcbridge.protocol.ddic.FieldInfoRows;
import org.rfcbridge.protocol.ddic.FunctionInterfaceRows;

/**
 * The DDIC look-ups a client makes in its repository system (the tutorial names the cloud system as
 * repository server): RFC_GET_FUNCTION_INTERFACE and DDIF_FIELDINFO_GET, answered from the functions
 * the simulated system offers. Our choice: they are open to every logged-on user, whatever the
 * function allowlist says, because a repository look-up is not a business call.
 */
final class RepositoryFunctions {
    /** The look-up functions by name. */
    static final Map<String, FunctionMetadata> METADATA = Map.of(
            FunctionInterfaceRows.RFC_GET_FUNCTION_INTERFACE.name(), FunctionInterfaceRows.RFC_GET_FUNCTION_INTERFACE,
            FieldInfoRows.DDIF_FIELDINFO_GET.name(), FieldInfoRows.DDIF_FIELDINFO_GET);

    private RepositoryFunctions() {
    }

    /** Answers a look-up about {@code functions}, raising FU_NOT_FOUND or NOT_FOUND as SAP does. */
    static void execute(Function call, Map<String, FunctionMetadata> functions) throws AbapException {
        if (call.name().equals(FieldInfoRows.DDIF_FIELDINFO_GET.name())) {
            String tabname = call.imports().getString("TABNAME");
            RecordMetadata structure = structure(tabname, functions);
            if (structure == null) {
                throw new AbapException("NOT_FOUND", "Nothing found");
            }
            FieldInfoRows.write(structure, call.tables().getTable("DFIES_TAB"));
            return;
        }
        String funcname = call.imports().getString("FUNCNAME");
        FunctionMetadata function = functions.get(funcname);
        if (function == null) {
            throw new AbapException("FU_NOT_FOUND", "Function module " + funcname + " not found");
        }
        FunctionInterfaceRows.write(function, call.tables().getTable("PARAMS"));
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
