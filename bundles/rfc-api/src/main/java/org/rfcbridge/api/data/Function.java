package org.rfcbridge.api.data;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.api.metadata.ParameterMetadata;

/**
 * One call of a function module: its parameter values by kind, and which outputs the caller asked
 * for (an ABAP caller names only the EXPORTING/CHANGING/TABLES parameters it binds).
 */
public final class Function {
    private final FunctionMetadata metadata;
    private final Map<Direction, Structure> lists = new EnumMap<>(Direction.class);
    private final Set<String> inactive = new HashSet<>();

    /** A call with every parameter initial and every output requested; see {@link FunctionMetadata#newFunction()}. */
    public Function(FunctionMetadata metadata) {
        this.metadata = metadata;
        for (Direction direction : Direction.values()) {
            lists.put(direction, new Structure(metadata.parameterList(direction)));
        }
    }

    /** The function module's name. */
    public String name() {
        return metadata.name();
    }

    /** The function module's interface. */
    public FunctionMetadata metadata() {
        return metadata;
    }

    /** IMPORTING parameter values. */
    public Structure imports() {
        return lists.get(Direction.IMPORT);
    }

    /** EXPORTING parameter values. */
    public Structure exports() {
        return lists.get(Direction.EXPORT);
    }

    /** CHANGING parameter values. */
    public Structure changing() {
        return lists.get(Direction.CHANGING);
    }

    /** TABLES parameter values. */
    public Structure tables() {
        return lists.get(Direction.TABLES);
    }

    /** The parameter values of one kind. */
    public Structure parameters(Direction direction) {
        return lists.get(direction);
    }

    /** Marks an output as requested or not by the caller; unknown names are refused. */
    public void setActive(String parameter, boolean active) {
        if (metadata.parameter(parameter) == null) {
            throw new RfcDataException("function " + metadata.name() + " has no parameter " + parameter);
        }
        if (active) {
            inactive.remove(parameter);
        } else {
            inactive.add(parameter);
        }
    }

    /** True if the caller wants this parameter (every parameter is active unless set otherwise). */
    public boolean isActive(String parameter) {
        return !inactive.contains(parameter);
    }

    /** True if the caller wants this parameter. */
    public boolean isActive(ParameterMetadata parameter) {
        return isActive(parameter.name());
    }
}
