package org.rfcbridge.wsrfc.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.rfcbridge.api.AbapException;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.api.metadata.RecordMetadata;
import org.rfcbridge.protocol.ddic.FieldInfoRows;
import org.rfcbridge.protocol.ddic.FunctionInterfaceRows;

/**
 * Function interfaces read from a cloud system's DDIC through the functions its SAP_COM_0636
 * arrangement allows: RFC_GET_FUNCTION_INTERFACE for the parameters, DDIF_FIELDINFO_GET for each
 * structure (row layouts in {@code protocol-wsrfc-2026.md} §4). Found interfaces and structures
 * are cached until invalidated; a function the system does not know is asked again next time, so
 * that one created later is found without an invalidation. RFC_METADATA_GET is not used: its reply
 * layout has not been captured.
 */
final class DdicRepository {
    /** Calls a function in the system. */
    @FunctionalInterface
    interface Caller {
        void execute(Function function) throws RfcException;
    }

    private final String system;
    private final Caller caller;
    private final Map<String, FunctionMetadata> functions = new ConcurrentHashMap<>();
    private final Map<String, RecordMetadata> structures = new ConcurrentHashMap<>();

    DdicRepository(String system, Caller caller) {
        this.system = system;
        this.caller = caller;
    }

    /**
     * The interface of a function, from the cache or the system.
     *
     * @return empty if the system raises FU_NOT_FOUND
     */
    Optional<FunctionMetadata> function(String name) throws RfcException {
        FunctionMetadata cached = functions.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Function call = FunctionInterfaceRows.RFC_GET_FUNCTION_INTERFACE.newFunction();
        call.imports().setValue("FUNCNAME", name);
        try {
            caller.execute(call);
        } catch (AbapException e) {
            if (e.key().equals("FU_NOT_FOUND")) {
                return Optional.empty();
            }
            throw e;
        }
        FunctionMetadata metadata;
        try {
            metadata = FunctionInterfaceRows.read(name, call.tables().getTable("PARAMS"), this::structure);
        } catch (RfcException e) {
            throw e;
        } catch (Exception e) {
            throw new SystemFailureException("The interface of " + name + " that " + system + " described cannot be "
                    + "used: " + e.getMessage(), e);
        }
        functions.put(name, metadata);
        return Optional.of(metadata);
    }

    private RecordMetadata structure(String name) throws RfcException {
        RecordMetadata cached = structures.get(name);
        if (cached != null) {
            return cached;
        }
        Function call = FieldInfoRows.DDIF_FIELDINFO_GET.newFunction();
        call.imports().setValue("TABNAME", name);
        try {
            caller.execute(call);
        } catch (AbapException e) {
            if (e.key().equals("NOT_FOUND")) {
                throw new SystemFailureException("The DDIC of " + system + " does not describe structure " + name
                        + " (DDIF_FIELDINFO_GET raised NOT_FOUND)");
            }
            throw e;
        }
        RecordMetadata metadata = FieldInfoRows.read(name, call.tables().getTable("DFIES_TAB"));
        structures.put(name, metadata);
        return metadata;
    }

    /** Forgets one function's interface and, because they may have changed with it, every structure. */
    void invalidate(String function) {
        functions.remove(function);
        structures.clear();
    }

    /** Forgets everything. */
    void invalidateAll() {
        functions.clear();
        structures.clear();
    }
}
