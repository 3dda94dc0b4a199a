package org.rfcbridge.api.metadata;

import java.util.Objects;

/**
 * One parameter of a function module interface.
 *
 * @param name         parameter name, upper case
 * @param direction    IMPORT, EXPORT, CHANGING or TABLES
 * @param type         ABAP type (TABLE for TABLES parameters)
 * @param length       declared length for CHAR/NUMC/RAW/BCD, else 0
 * @param decimals     decimals of a BCD parameter
 * @param recordType   structure or row type, {@code null} for scalars
 * @param optional     true if the caller may leave it out
 * @param defaultValue the default as ABAP writes it (may be empty)
 * @param description  short text (may be empty)
 */
public record ParameterMetadata(String name, Direction direction, AbapType type, int length, int decimals,
                                RecordMetadata recordType, boolean optional, String defaultValue,
                                String description) {
    /** Checks that the required parts are present. */
    public ParameterMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(type, "type");
        defaultValue = defaultValue == null ? "" : defaultValue;
        description = description == null ? "" : description;
        if (direction == Direction.TABLES && type != AbapType.TABLE) {
            throw new IllegalArgumentException("TABLES parameter " + name + " must be of type TABLE, not " + type);
        }
    }
}
