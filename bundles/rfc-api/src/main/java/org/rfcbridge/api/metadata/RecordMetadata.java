package org.rfcbridge.api.metadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The type of a structure, a table row or a parameter list: its fields with their offsets in the
 * ABAP Unicode layout.
 *
 * <p>Flat components share one byte buffer laid out exactly as ABAP lays out the structure for a
 * Unicode partner (so a flat structure's buffer is its {@code 0x0203} wire value). Deep components
 * (STRING, XSTRING, tables, structures that contain them) keep a reference slot in the layout and
 * their value beside the buffer.
 *
 * <p>Offsets are either given (from the DDIC: {@code DDIF_FIELDINFO_GET}, {@code
 * RFC_GET_FUNCTION_INTERFACE}) or computed the way ABAP aligns components: each at a multiple of
 * its alignment (CHAR/NUMC/DATE/TIME 2, INT2 2, INT4 4, INT8/FLOAT/DECF16 8, DECF34 16, RAW/BCD/INT1
 * 1), the whole structure padded to its largest alignment.
 */
public final class RecordMetadata {
    /** Longest CHAR/NUMC field ABAP allows, in characters. */
    public static final int MAX_CHAR_LENGTH = 262_143;
    /** Longest RAW field ABAP allows, in bytes. */
    public static final int MAX_RAW_LENGTH = 524_287;
    /** Longest packed number, in bytes (31 digits). */
    public static final int MAX_BCD_LENGTH = 16;
    /** Most decimals a packed number may have. */
    public static final int MAX_BCD_DECIMALS = 14;

    private final String name;
    private final List<FieldMetadata> fields;
    private final Map<String, FieldMetadata> byName;
    private final int byteLength;
    private final int alignment;
    private final int deepCount;
    private final byte[] initial;

    private RecordMetadata(String name, List<FieldMetadata> fields, int byteLength, int alignment, int deepCount) {
        this.name = name;
        this.fields = Collections.unmodifiableList(fields);
        this.byteLength = byteLength;
        this.alignment = alignment;
        this.deepCount = deepCount;
        Map<String, FieldMetadata> index = new HashMap<>(fields.size() * 2);
        for (FieldMetadata field : fields) {
            index.put(field.name(), field);
        }
        this.byName = index;
        this.initial = new byte[byteLength];
        fillInitial(initial, 0);
    }

    /** Starts a record type with the given name (the DDIC structure name, or a parameter list's). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The DDIC name of the structure or row type. */
    public String name() {
        return name;
    }

    /** The fields in their declared order. */
    public List<FieldMetadata> fields() {
        return fields;
    }

    /** Number of fields. */
    public int fieldCount() {
        return fields.size();
    }

    /** The field at a position. */
    public FieldMetadata field(int index) {
        return fields.get(index);
    }

    /** The field with this name, or {@code null}. Names are compared as given (ABAP names are upper case). */
    public FieldMetadata find(String fieldName) {
        return byName.get(fieldName);
    }

    /** Length of the flat buffer in bytes (Unicode layout, with alignment padding). */
    public int byteLength() {
        return byteLength;
    }

    /** Alignment of the whole record: the largest alignment of its fields. */
    public int alignment() {
        return alignment;
    }

    /** Number of deep components (values kept outside the flat buffer). */
    public int deepCount() {
        return deepCount;
    }

    /** True if every component lives in the flat buffer. */
    public boolean isFlat() {
        return deepCount == 0;
    }

    /**
     * Writes the initial values of every flat field (blanks for CHAR, zeros as digits for NUMC, DATE
     * and TIME, packed +0 for BCD, binary zero elsewhere) into {@code target} at {@code offset}.
     */
    public void writeInitial(byte[] target, int offset) {
        System.arraycopy(initial, 0, target, offset, initial.length);
    }

    /** Writes the initial value of one flat field into a record whose buffer starts at {@code recordOffset}. */
    public void writeInitial(FieldMetadata field, byte[] target, int recordOffset) {
        System.arraycopy(initial, field.offset(), target, recordOffset + field.offset(), field.byteLength());
    }

    /** True if a flat field of a record starting at {@code recordOffset} holds its initial value. */
    public boolean isInitial(FieldMetadata field, byte[] source, int recordOffset) {
        int from = recordOffset + field.offset();
        return java.util.Arrays.equals(source, from, from + field.byteLength(),
                initial, field.offset(), field.offset() + field.byteLength());
    }

    private void fillInitial(byte[] target, int base) {
        for (FieldMetadata field : fields) {
            if (field.isDeep()) {
                continue;
            }
            char fill;
            switch (field.type()) {
                case CHAR: fill = ' '; break;
                case NUMC: case DATE: case TIME: fill = '0'; break;
                case STRUCTURE: field.recordType().fillInitial(target, base + field.offset()); continue;
                case BCD: target[base + field.offset() + field.byteLength() - 1] = 0x0C; continue;   // +0
                default: continue;
            }
            for (int i = base + field.offset(), end = i + field.byteLength(); i < end; i += 2) {
                target[i] = (byte) fill;
            }
        }
    }

    @Override
    public String toString() {
        return name + fields;
    }

    /** Builds a {@link RecordMetadata}; fields are added in their ABAP order. */
    public static final class Builder {
        private final String name;
        private final List<FieldMetadata.FieldSpec> specs = new ArrayList<>();
        private int declaredByteLength = -1;

        private Builder(String name) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a record type needs a name");
            }
            this.name = name;
        }

        /** A field of a type whose size is fixed (DATE, TIME, INT*, FLOAT, DECF*, STRING, temporal types). */
        public Builder field(String fieldName, AbapType type) {
            return field(fieldName, type, 0, 0, null, null, -1);
        }

        /** A CHAR, NUMC or RAW field of the declared length (characters for CHAR/NUMC, bytes for RAW). */
        public Builder field(String fieldName, AbapType type, int length) {
            return field(fieldName, type, length, 0, null, null, -1);
        }

        /** A packed number {@code P(byteLength) DECIMALS decimals}. */
        public Builder bcd(String fieldName, int byteLength, int decimals) {
            return field(fieldName, AbapType.BCD, byteLength, decimals, null, null, -1);
        }

        /** A structure component. */
        public Builder structure(String fieldName, RecordMetadata type) {
            return field(fieldName, AbapType.STRUCTURE, 0, 0, type, null, -1);
        }

        /** A table component with the given row type. */
        public Builder table(String fieldName, RecordMetadata rowType) {
            return field(fieldName, AbapType.TABLE, 0, 0, rowType, null, -1);
        }

        /**
         * Any field, in full.
         *
         * @param length     declared length (CHAR/NUMC characters, RAW/BCD bytes), 0 for fixed types
         * @param decimals   decimals of a BCD field
         * @param recordType structure or row type of STRUCTURE/TABLE fields, else {@code null}
         * @param offset     the field's offset from the DDIC, or -1 to have it computed
         */
        public Builder field(String fieldName, AbapType type, int length, int decimals, RecordMetadata recordType,
                             String description, int offset) {
            specs.add(new FieldMetadata.FieldSpec(fieldName, type, length, decimals, recordType, description, offset));
            return this;
        }

        /** The total length the DDIC declares; must cover every field. Without it the length is computed. */
        public Builder byteLength(int length) {
            this.declaredByteLength = length;
            return this;
        }

        /**
         * Checks every field and computes the layout.
         *
         * @throws IllegalArgumentException naming the record and field that is wrong
         */
        public RecordMetadata build() {
            List<FieldMetadata> fields = new ArrayList<>(specs.size());
            Map<String, Boolean> seen = new HashMap<>();
            int end = 0;
            int alignment = 1;
            int deepCount = 0;
            for (FieldMetadata.FieldSpec spec : specs) {
                check(spec);
                if (seen.put(spec.name, Boolean.TRUE) != null) {
                    throw invalid(spec, "appears twice");
                }
                boolean deep = spec.type.isDeep()
                        || (spec.type == AbapType.STRUCTURE && !spec.recordType.isFlat());
                int size = deep ? AbapType.REFERENCE_LENGTH
                        : spec.type == AbapType.STRUCTURE ? spec.recordType.byteLength()
                        : spec.type.unicodeByteLength(spec.length);
                int align = deep ? AbapType.REFERENCE_LENGTH
                        : spec.type == AbapType.STRUCTURE ? spec.recordType.alignment() : spec.type.alignment();
                int offset = spec.offset >= 0 ? spec.offset : align(end, align);
                if (offset < end) {
                    throw invalid(spec, "at offset " + offset + " overlaps the field before it, which ends at " + end);
                }
                fields.add(new FieldMetadata(spec, fields.size(), offset, size, deep ? deepCount++ : -1));
                end = offset + size;
                alignment = Math.max(alignment, align);
            }
            int length = align(end, alignment);
            if (declaredByteLength >= 0) {
                if (declaredByteLength < end) {
                    throw new IllegalArgumentException("record " + name + ": declared length " + declaredByteLength
                            + " bytes is shorter than its fields, which end at byte " + end);
                }
                length = declaredByteLength;
            }
            return new RecordMetadata(name, fields, length, alignment, deepCount);
        }

        private void check(FieldMetadata.FieldSpec spec) {
            if (spec.name.isEmpty()) {
                throw new IllegalArgumentException("record " + name + ": a field has no name");
            }
            switch (spec.type) {
                case CHAR: case NUMC:
                    requireRange(spec, spec.length, 1, MAX_CHAR_LENGTH, "length");
                    break;
                case RAW:
                    requireRange(spec, spec.length, 1, MAX_RAW_LENGTH, "length");
                    break;
                case BCD:
                    requireRange(spec, spec.length, 1, MAX_BCD_LENGTH, "length");
                    requireRange(spec, spec.decimals, 0, Math.min(MAX_BCD_DECIMALS, 2 * spec.length - 1), "decimals");
                    break;
                case STRUCTURE: case TABLE:
                    if (spec.recordType == null) {
                        throw invalid(spec, "of type " + spec.type + " needs its record type");
                    }
                    break;
                default:
                    break;
            }
            if (spec.type != AbapType.BCD && spec.decimals != 0) {
                throw invalid(spec, "of type " + spec.type + " cannot have decimals");
            }
        }

        private void requireRange(FieldMetadata.FieldSpec spec, int value, int min, int max, String what) {
            if (value < min || value > max) {
                throw invalid(spec, "of type " + spec.type + " has " + what + " " + value
                        + "; allowed is " + min + " to " + max);
            }
        }

        private IllegalArgumentException invalid(FieldMetadata.FieldSpec spec, String problem) {
            return new IllegalArgumentException("record " + name + ": field " + spec.name + " " + problem);
        }

        private static int align(int offset, int alignment) {
            return (offset + alignment - 1) / alignment * alignment;
        }
    }
}
