package org.rfcbridge.api.metadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rfcbridge.api.data.Function;

/**
 * The interface of a remote-enabled function module: its parameters by kind and its exceptions.
 *
 * <p>For each parameter kind the metadata holds one {@link RecordMetadata} whose fields are the
 * parameters, so that a call's parameter values live in one flat buffer per kind.
 */
public final class FunctionMetadata {
    private final String name;
    private final List<ParameterMetadata> parameters;
    private final Map<String, ParameterMetadata> byName;
    private final Map<Direction, RecordMetadata> lists;
    private final List<AbapExceptionMetadata> exceptions;

    private FunctionMetadata(String name, List<ParameterMetadata> parameters, List<AbapExceptionMetadata> exceptions) {
        this.name = name;
        this.parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
        this.exceptions = Collections.unmodifiableList(new ArrayList<>(exceptions));
        Map<String, ParameterMetadata> index = new LinkedHashMap<>();
        Map<Direction, RecordMetadata.Builder> builders = new EnumMap<>(Direction.class);
        for (Direction direction : Direction.values()) {
            builders.put(direction, RecordMetadata.builder(name + "." + direction));
        }
        for (ParameterMetadata p : parameters) {
            if (index.put(p.name(), p) != null) {
                throw new IllegalArgumentException("function " + name + ": parameter " + p.name() + " appears twice");
            }
            builders.get(p.direction()).field(p.name(), p.type(), p.length(), p.decimals(), p.recordType(),
                    p.description(), -1);
        }
        this.byName = index;
        Map<Direction, RecordMetadata> built = new EnumMap<>(Direction.class);
        builders.forEach((direction, builder) -> built.put(direction, builder.build()));
        this.lists = built;
    }

    /** Starts the metadata of a function module. */
    public static Builder builder(String functionName) {
        return new Builder(functionName);
    }

    /** Function module name, upper case. */
    public String name() {
        return name;
    }

    /** All parameters in their declared order. */
    public List<ParameterMetadata> parameters() {
        return parameters;
    }

    /** The parameter with this name, or {@code null}. */
    public ParameterMetadata parameter(String parameterName) {
        return byName.get(parameterName);
    }

    /** The parameters of one kind as the record type of that kind's parameter list. */
    public RecordMetadata parameterList(Direction direction) {
        return lists.get(direction);
    }

    /** The classic exceptions the function declares. */
    public List<AbapExceptionMetadata> exceptions() {
        return exceptions;
    }

    /** A new call of this function with every parameter at its initial value. */
    public Function newFunction() {
        return new Function(this);
    }

    @Override
    public String toString() {
        return name + parameters;
    }

    /** Collects parameters and exceptions. */
    public static final class Builder {
        private final String name;
        private final List<ParameterMetadata> parameters = new ArrayList<>();
        private final List<AbapExceptionMetadata> exceptions = new ArrayList<>();

        private Builder(String name) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a function needs a name");
            }
            this.name = name;
        }

        /** Adds a parameter. */
        public Builder parameter(ParameterMetadata parameter) {
            parameters.add(parameter);
            return this;
        }

        /** Adds a scalar parameter of a fixed-size type, or CHAR/NUMC/RAW with its length. */
        public Builder parameter(Direction direction, String parameterName, AbapType type, int length, boolean optional) {
            return parameter(new ParameterMetadata(parameterName, direction, type, length, 0, null, optional, "", ""));
        }

        /** Adds a structure parameter. */
        public Builder structure(Direction direction, String parameterName, RecordMetadata type, boolean optional) {
            return parameter(new ParameterMetadata(parameterName, direction, AbapType.STRUCTURE, 0, 0, type,
                    optional, "", ""));
        }

        /** Adds a table parameter (TABLES, or a table type in IMPORT/EXPORT/CHANGING). */
        public Builder table(Direction direction, String parameterName, RecordMetadata rowType, boolean optional) {
            return parameter(new ParameterMetadata(parameterName, direction, AbapType.TABLE, 0, 0, rowType,
                    optional, "", ""));
        }

        /** Adds a classic exception. */
        public Builder exception(String key, String text) {
            exceptions.add(new AbapExceptionMetadata(key, text));
            return this;
        }

        /** Builds the metadata, checking names and types. */
        public FunctionMetadata build() {
            return new FunctionMetadata(name, parameters, exceptions);
        }
    }
}
