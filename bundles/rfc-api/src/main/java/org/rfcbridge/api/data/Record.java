package org.rfcbridge.api.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.FieldMetadata;
import org.rfcbridge.api.metadata.RecordMetadata;

/**
 * Field access to one structure or table row, by name or by position, with the conversions an SAP
 * Java developer knows from JCo (made by {@link ValueConversions}).
 *
 * <p>Flat fields are read from and written to a byte buffer in the ABAP Unicode layout; deep fields
 * (STRING, XSTRING, tables, deep structures) live in slots beside it. A value that does not fit its
 * field is refused with an {@link RfcDataException} that names the field, never truncated silently;
 * the only rounding is of surplus decimals of packed numbers (half up, as ABAP's {@code MOVE} does).
 */
public abstract class Record {
    final RecordMetadata metadata;
    byte[] buffer;
    int base;
    Object[] deep;
    int deepBase;

    Record(RecordMetadata metadata) {
        this.metadata = metadata;
    }

    /** The record's type. */
    public RecordMetadata metadata() {
        return metadata;
    }

    /** The field with this name; an unknown name is an {@link RfcDataException} naming the record. */
    public FieldMetadata field(String name) {
        FieldMetadata field = metadata.find(name);
        if (field == null) {
            throw new RfcDataException(metadata.name() + " has no field " + name);
        }
        return field;
    }

    /** The field at this position. */
    public FieldMetadata field(int index) {
        if (index < 0 || index >= metadata.fieldCount()) {
            throw new RfcDataException(metadata.name() + " has no field at position " + index
                    + " (it has " + metadata.fieldCount() + ")");
        }
        return metadata.field(index);
    }

    // ---------------------------------------------------------------- reading

    /** The value as text: CHAR without trailing blanks, DATE as {@code yyyy-MM-dd}, TIME as {@code HH:mm:ss}, RAW as hex. */
    public String getString(String name) {
        return ValueConversions.string(this, field(name));
    }

    /** @see #getString(String) */
    public String getString(int index) {
        return ValueConversions.string(this, field(index));
    }

    /** The value as an {@code int}; text must hold a whole number and the value must fit. */
    public int getInt(String name) {
        return ValueConversions.toInt(this, field(name));
    }

    /** @see #getInt(String) */
    public int getInt(int index) {
        return ValueConversions.toInt(this, field(index));
    }

    /** The value as a {@code long}. */
    public long getLong(String name) {
        return ValueConversions.toLong(this, field(name));
    }

    /** @see #getLong(String) */
    public long getLong(int index) {
        return ValueConversions.toLong(this, field(index));
    }

    /** The value as a {@code double}. */
    public double getDouble(String name) {
        return ValueConversions.toDouble(this, field(name));
    }

    /** @see #getDouble(String) */
    public double getDouble(int index) {
        return ValueConversions.toDouble(this, field(index));
    }

    /** The value as a {@link BigDecimal}; packed numbers keep their scale. */
    public BigDecimal getBigDecimal(String name) {
        return ValueConversions.toBigDecimal(this, field(name));
    }

    /** @see #getBigDecimal(String) */
    public BigDecimal getBigDecimal(int index) {
        return ValueConversions.toBigDecimal(this, field(index));
    }

    /** A DATE field as a date; {@code null} for the initial date {@code 00000000}. */
    public LocalDate getDate(String name) {
        return ValueConversions.toDate(this, field(name));
    }

    /** @see #getDate(String) */
    public LocalDate getDate(int index) {
        return ValueConversions.toDate(this, field(index));
    }

    /** A TIME field as a time of day. */
    public LocalTime getTime(String name) {
        return ValueConversions.toTime(this, field(name));
    }

    /** @see #getTime(String) */
    public LocalTime getTime(int index) {
        return ValueConversions.toTime(this, field(index));
    }

    /** A RAW or XSTRING field's bytes (a copy). */
    public byte[] getBytes(String name) {
        return ValueConversions.toBytes(this, field(name));
    }

    /** @see #getBytes(String) */
    public byte[] getBytes(int index) {
        return ValueConversions.toBytes(this, field(index));
    }

    /** A STRUCTURE field. A flat one shares this record's buffer: writing to it writes here. */
    public Structure getStructure(String name) {
        return structure(field(name));
    }

    /** @see #getStructure(String) */
    public Structure getStructure(int index) {
        return structure(field(index));
    }

    /** A TABLE field, created empty on first access. */
    public Table getTable(String name) {
        return table(field(name));
    }

    /** @see #getTable(String) */
    public Table getTable(int index) {
        return table(field(index));
    }

    /** True if the field holds its type's initial value. */
    public boolean isInitial(String name) {
        FieldMetadata f = field(name);
        if (f.isDeep()) {
            Object value = deep[deepBase + f.deepIndex()];
            if (value == null) {
                return true;
            }
            if (value instanceof String s) {
                return s.isEmpty();
            }
            if (value instanceof byte[] b) {
                return b.length == 0;
            }
            return value instanceof Table t && t.getNumRows() == 0;
        }
        return metadata.isInitial(f, buffer, base);
    }

    // ---------------------------------------------------------------- writing

    /** Sets a field from text: CHAR/NUMC/STRING as is, DATE {@code yyyyMMdd} or {@code yyyy-MM-dd}, TIME {@code HHmmss} or {@code HH:mm:ss}, RAW/XSTRING as hex, numbers as decimal text. */
    public void setValue(String name, String value) {
        ValueConversions.setText(this, field(name), value);
    }

    /** @see #setValue(String, String) */
    public void setValue(int index, String value) {
        ValueConversions.setText(this, field(index), value);
    }

    /** Sets a field from a {@code long}; refused if it does not fit. */
    public void setValue(String name, long value) {
        ValueConversions.setLong(this, field(name), value);
    }

    /** @see #setValue(String, long) */
    public void setValue(int index, long value) {
        ValueConversions.setLong(this, field(index), value);
    }

    /** Sets a field from an {@code int}. */
    public void setValue(String name, int value) {
        ValueConversions.setLong(this, field(name), value);
    }

    /** @see #setValue(String, int) */
    public void setValue(int index, int value) {
        ValueConversions.setLong(this, field(index), value);
    }

    /** Sets a field from a {@code double}. */
    public void setValue(String name, double value) {
        ValueConversions.setDouble(this, field(name), value);
    }

    /** @see #setValue(String, double) */
    public void setValue(int index, double value) {
        ValueConversions.setDouble(this, field(index), value);
    }

    /** Sets a field from a {@link BigDecimal}. */
    public void setValue(String name, BigDecimal value) {
        ValueConversions.setDecimal(this, field(name), value);
    }

    /** @see #setValue(String, BigDecimal) */
    public void setValue(int index, BigDecimal value) {
        ValueConversions.setDecimal(this, field(index), value);
    }

    /** Sets a DATE field; {@code null} sets the initial date. */
    public void setValue(String name, LocalDate value) {
        ValueConversions.setDate(this, field(name), value);
    }

    /** @see #setValue(String, LocalDate) */
    public void setValue(int index, LocalDate value) {
        ValueConversions.setDate(this, field(index), value);
    }

    /** Sets a TIME field; {@code null} sets {@code 000000}. */
    public void setValue(String name, LocalTime value) {
        ValueConversions.setTime(this, field(name), value);
    }

    /** @see #setValue(String, LocalTime) */
    public void setValue(int index, LocalTime value) {
        ValueConversions.setTime(this, field(index), value);
    }

    /** Sets a RAW field (shorter values are padded with zero bytes) or an XSTRING field. */
    public void setValue(String name, byte[] value) {
        ValueConversions.setBytes(this, field(name), value);
    }

    /** @see #setValue(String, byte[]) */
    public void setValue(int index, byte[] value) {
        ValueConversions.setBytes(this, field(index), value);
    }

    /** Sets a field to its type's initial value (blanks, zeros, empty string or table). */
    public void clear(String name) {
        clearField(field(name));
    }

    /** Copies the flat bytes of a field (its Unicode layout) into {@code target}. */
    public void getRaw(int index, byte[] target, int offset) {
        FieldMetadata f = flat(field(index));
        System.arraycopy(buffer, base + f.offset(), target, offset, f.byteLength());
    }

    /** Sets the flat bytes of a field from its Unicode layout, as a serializer receives them. */
    public void setRaw(int index, byte[] source, int offset) {
        FieldMetadata f = flat(field(index));
        System.arraycopy(source, offset, buffer, base + f.offset(), f.byteLength());
    }

    /** Copies the whole flat buffer of this record ({@link RecordMetadata#byteLength()} bytes). */
    public void getRaw(byte[] target, int offset) {
        System.arraycopy(buffer, base, target, offset, metadata.byteLength());
    }

    /** Sets the whole flat buffer of this record. */
    public void setRaw(byte[] source, int offset) {
        System.arraycopy(source, offset, buffer, base, metadata.byteLength());
    }

    // ---------------------------------------------------------------- deep fields and errors (the conversions: ValueConversions)

    private Structure structure(FieldMetadata f) {
        if (f.type() != AbapType.STRUCTURE) {
            throw unsupported(f, "a structure");
        }
        if (!f.isDeep()) {
            return new Structure(f.recordType(), buffer, base + f.offset());
        }
        int slot = deepBase + f.deepIndex();
        if (deep[slot] == null) {
            deep[slot] = new Structure(f.recordType());
        }
        return (Structure) deep[slot];
    }

    private Table table(FieldMetadata f) {
        if (f.type() != AbapType.TABLE) {
            throw unsupported(f, "a table");
        }
        int slot = deepBase + f.deepIndex();
        if (deep[slot] == null) {
            deep[slot] = new Table(f.recordType());
        }
        return (Table) deep[slot];
    }

    void clearField(FieldMetadata f) {
        if (f.isDeep()) {
            Object value = deep[deepBase + f.deepIndex()];
            if (value instanceof Table t) {
                t.clear();
            } else if (value instanceof Structure s) {
                s.clearAll();
            } else {
                deep[deepBase + f.deepIndex()] = null;
            }
            return;
        }
        metadata.writeInitial(f, buffer, base);
    }

    private FieldMetadata flat(FieldMetadata f) {
        if (f.isDeep()) {
            throw fail(f, "is deep and has no flat bytes");
        }
        return f;
    }

    RfcDataException fail(FieldMetadata f, String problem) {
        return new RfcDataException(metadata.name() + "-" + f.name() + " (" + f.type() + "): " + problem);
    }

    RfcDataException unsupported(FieldMetadata f, String what) {
        return fail(f, "cannot be read or written as " + what);
    }
}
