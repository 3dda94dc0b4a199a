package org.rfcbridge.api.metadata;

import java.util.Objects;

/**
 * One component of a structure, table row or parameter list: its name, ABAP type, declared length,
 * decimals and its place in the parent's Unicode layout.
 *
 * <p>Instances are created by {@link RecordMetadata.Builder}, which assigns offsets.
 */
public final class FieldMetadata {
    private final String name;
    private final AbapType type;
    private final int length;
    private final int decimals;
    private final RecordMetadata recordType;
    private final String description;
    private final int index;
    private final int offset;
    private final int byteLength;
    private final int deepIndex;

    FieldMetadata(FieldSpec spec, int index, int offset, int byteLength, int deepIndex) {
        this.name = spec.name;
        this.type = spec.type;
        this.length = spec.length;
        this.decimals = spec.decimals;
        this.recordType = spec.recordType;
        this.description = spec.description;
        this.index = index;
        this.offset = offset;
        this.byteLength = byteLength;
        this.deepIndex = deepIndex;
    }

    /** The component name in upper case, as ABAP writes it. */
    public String name() {
        return name;
    }

    /** The ABAP type. */
    public AbapType type() {
        return type;
    }

    /** Declared ABAP length: characters (CHAR, NUMC), bytes (RAW, BCD), 0 where the type fixes it. */
    public int length() {
        return length;
    }

    /** Decimals of a BCD field, 0 otherwise. */
    public int decimals() {
        return decimals;
    }

    /** The row type of a TABLE or the type of a STRUCTURE field, {@code null} for scalars. */
    public RecordMetadata recordType() {
        return recordType;
    }

    /** Short description from the DDIC, may be empty. */
    public String description() {
        return description;
    }

    /** Position in the parent record, 0-based. */
    public int index() {
        return index;
    }

    /** Offset in the parent's flat buffer, in bytes (Unicode layout). */
    public int offset() {
        return offset;
    }

    /** Bytes the component occupies in the parent's flat buffer; a reference for deep components. */
    public int byteLength() {
        return byteLength;
    }

    /** True where the value lives outside the flat buffer: strings, tables and deep structures. */
    public boolean isDeep() {
        return deepIndex >= 0;
    }

    /** Slot of a deep component among the parent's deep components, -1 for flat ones. */
    public int deepIndex() {
        return deepIndex;
    }

    /** Digits a BCD field holds: two a byte less the sign nibble. */
    public int bcdDigits() {
        return 2 * length - 1;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name).append(' ').append(type);
        if (type.hasDeclaredLength()) {
            text.append('(').append(length);
            if (decimals > 0) {
                text.append(',').append(decimals);
            }
            text.append(')');
        }
        if (recordType != null) {
            text.append(' ').append(recordType.name());
        }
        return text.toString();
    }

    /** What a caller declares about a field; the builder adds the layout. */
    static final class FieldSpec {
        final String name;
        final AbapType type;
        final int length;
        final int decimals;
        final RecordMetadata recordType;
        final String description;
        final int offset;

        FieldSpec(String name, AbapType type, int length, int decimals, RecordMetadata recordType,
                  String description, int offset) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
            this.length = length;
            this.decimals = decimals;
            this.recordType = recordType;
            this.description = description == null ? "" : description;
            this.offset = offset;
        }
    }
}
