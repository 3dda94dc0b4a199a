package org.rfcbridge.api.data;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;

import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.FieldMetadata;
import org.rfcbridge.api.metadata.RecordMetadata;

/**
 * Field access to one structure or table row, by name or by position, with the conversions an SAP
 * Java developer knows from JCo.
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
        return string(field(name));
    }

    /** @see #getString(String) */
    public String getString(int index) {
        return string(field(index));
    }

    /** The value as an {@code int}; text must hold a whole number and the value must fit. */
    public int getInt(String name) {
        return toInt(field(name));
    }

    /** @see #getInt(String) */
    public int getInt(int index) {
        return toInt(field(index));
    }

    /** The value as a {@code long}. */
    public long getLong(String name) {
        return toLong(field(name));
    }

    /** @see #getLong(String) */
    public long getLong(int index) {
        return toLong(field(index));
    }

    /** The value as a {@code double}. */
    public double getDouble(String name) {
        return toDouble(field(name));
    }

    /** @see #getDouble(String) */
    public double getDouble(int index) {
        return toDouble(field(index));
    }

    /** The value as a {@link BigDecimal}; packed numbers keep their scale. */
    public BigDecimal getBigDecimal(String name) {
        return toBigDecimal(field(name));
    }

    /** @see #getBigDecimal(String) */
    public BigDecimal getBigDecimal(int index) {
        return toBigDecimal(field(index));
    }

    /** A DATE field as a date; {@code null} for the initial date {@code 00000000}. */
    public LocalDate getDate(String name) {
        return toDate(field(name));
    }

    /** @see #getDate(String) */
    public LocalDate getDate(int index) {
        return toDate(field(index));
    }

    /** A TIME field as a time of day. */
    public LocalTime getTime(String name) {
        return toTime(field(name));
    }

    /** @see #getTime(String) */
    public LocalTime getTime(int index) {
        return toTime(field(index));
    }

    /** A RAW or XSTRING field's bytes (a copy). */
    public byte[] getBytes(String name) {
        return toBytes(field(name));
    }

    /** @see #getBytes(String) */
    public byte[] getBytes(int index) {
        return toBytes(field(index));
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
        setText(field(name), value);
    }

    /** @see #setValue(String, String) */
    public void setValue(int index, String value) {
        setText(field(index), value);
    }

    /** Sets a field from a {@code long}; refused if it does not fit. */
    public void setValue(String name, long value) {
        setLong(field(name), value);
    }

    /** @see #setValue(String, long) */
    public void setValue(int index, long value) {
        setLong(field(index), value);
    }

    /** Sets a field from an {@code int}. */
    public void setValue(String name, int value) {
        setLong(field(name), value);
    }

    /** @see #setValue(String, int) */
    public void setValue(int index, int value) {
        setLong(field(index), value);
    }

    /** Sets a field from a {@code double}. */
    public void setValue(String name, double value) {
        setDouble(field(name), value);
    }

    /** @see #setValue(String, double) */
    public void setValue(int index, double value) {
        setDouble(field(index), value);
    }

    /** Sets a field from a {@link BigDecimal}. */
    public void setValue(String name, BigDecimal value) {
        setDecimal(field(name), value);
    }

    /** @see #setValue(String, BigDecimal) */
    public void setValue(int index, BigDecimal value) {
        setDecimal(field(index), value);
    }

    /** Sets a DATE field; {@code null} sets the initial date. */
    public void setValue(String name, LocalDate value) {
        setDate(field(name), value);
    }

    /** @see #setValue(String, LocalDate) */
    public void setValue(int index, LocalDate value) {
        setDate(field(index), value);
    }

    /** Sets a TIME field; {@code null} sets {@code 000000}. */
    public void setValue(String name, LocalTime value) {
        setTime(field(name), value);
    }

    /** @see #setValue(String, LocalTime) */
    public void setValue(int index, LocalTime value) {
        setTime(field(index), value);
    }

    /** Sets a RAW field (shorter values are padded with zero bytes) or an XSTRING field. */
    public void setValue(String name, byte[] value) {
        setBytes(field(name), value);
    }

    /** @see #setValue(String, byte[]) */
    public void setValue(int index, byte[] value) {
        setBytes(field(index), value);
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

    // ---------------------------------------------------------------- conversions

    private String string(FieldMetadata f) {
        int at = base + f.offset();
        switch (f.type()) {
            case CHAR: return FieldCodec.readTrimmedChars(buffer, at, f.length());
            case NUMC: return FieldCodec.readChars(buffer, at, f.length());
            case DATE: {
                String raw = FieldCodec.readChars(buffer, at, 8);
                return raw.substring(0, 4) + '-' + raw.substring(4, 6) + '-' + raw.substring(6);
            }
            case TIME: {
                String raw = FieldCodec.readChars(buffer, at, 6);
                return raw.substring(0, 2) + ':' + raw.substring(2, 4) + ':' + raw.substring(4);
            }
            case RAW: return FieldCodec.hex(buffer, at, f.length());
            case FLOAT: return Double.toString(FieldCodec.readDouble(buffer, at));
            case BCD: return toBigDecimal(f).toPlainString();
            case DECF16: case DECF34: return toBigDecimal(f).toString();
            case STRING: {
                Object value = deep[deepBase + f.deepIndex()];
                return value == null ? "" : (String) value;
            }
            case XSTRING: {
                byte[] value = (byte[]) deep[deepBase + f.deepIndex()];
                return value == null ? "" : FieldCodec.hex(value, 0, value.length);
            }
            case STRUCTURE: case TABLE:
                throw fail(f, "is a " + f.type() + "; read it with get" + (f.type() == AbapType.TABLE ? "Table" : "Structure"));
            default:
                return Long.toString(integer(f));
        }
    }

    private long integer(FieldMetadata f) {
        return FieldCodec.readInteger(buffer, base + f.offset(), f.byteLength(), f.type() == AbapType.INT1);
    }

    private long toLong(FieldMetadata f) {
        if (f.type().isInteger()) {
            return integer(f);
        }
        switch (f.type()) {
            case FLOAT: {
                double d = FieldCodec.readDouble(buffer, base + f.offset());
                if (d != Math.rint(d) || d < Long.MIN_VALUE || d > Long.MAX_VALUE) {
                    throw fail(f, "value " + d + " is not a whole number in the range of long");
                }
                return (long) d;
            }
            case BCD: case DECF16: case DECF34: {
                BigDecimal value = toBigDecimal(f);
                try {
                    return value.longValueExact();
                } catch (ArithmeticException e) {
                    throw fail(f, "value " + value.toPlainString() + " is not a whole number in the range of long");
                }
            }
            case CHAR: case NUMC: case STRING: {
                String text = string(f).trim();
                if (text.isEmpty()) {
                    return 0;
                }
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw fail(f, "text '" + text + "' is not a whole number");
                }
            }
            default:
                throw unsupported(f, "a number");
        }
    }

    private int toInt(FieldMetadata f) {
        long value = toLong(f);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw fail(f, "value " + value + " does not fit an int; read it with getLong");
        }
        return (int) value;
    }

    private double toDouble(FieldMetadata f) {
        switch (f.type()) {
            case FLOAT: return FieldCodec.readDouble(buffer, base + f.offset());
            case BCD: case DECF16: case DECF34: return toBigDecimal(f).doubleValue();
            case CHAR: case NUMC: case STRING: {
                String text = string(f).trim();
                try {
                    return text.isEmpty() ? 0 : Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw fail(f, "text '" + text + "' is not a number");
                }
            }
            default:
                if (f.type().isInteger()) {
                    return integer(f);
                }
                throw unsupported(f, "a number");
        }
    }

    private BigDecimal toBigDecimal(FieldMetadata f) {
        int at = base + f.offset();
        switch (f.type()) {
            case BCD: {
                BigDecimal value = FieldCodec.readBcd(buffer, at, f.length(), f.decimals());
                if (value == null) {
                    throw fail(f, "holds no valid packed number: " + FieldCodec.hex(buffer, at, f.length()));
                }
                return value;
            }
            case DECF16: case DECF34:
                try {
                    return DecimalFloats.decode(buffer, at, f.byteLength());
                } catch (ArithmeticException e) {
                    throw fail(f, e.getMessage());
                }
            case FLOAT: {
                double d = FieldCodec.readDouble(buffer, at);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw fail(f, "value " + d + " has no decimal value");
                }
                return BigDecimal.valueOf(d);
            }
            case CHAR: case NUMC: case STRING: {
                String text = string(f).trim();
                try {
                    return text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw fail(f, "text '" + text + "' is not a number");
                }
            }
            default:
                if (f.type().isInteger()) {
                    return BigDecimal.valueOf(integer(f));
                }
                throw unsupported(f, "a number");
        }
    }

    private LocalDate toDate(FieldMetadata f) {
        if (f.type() != AbapType.DATE) {
            throw unsupported(f, "a date");
        }
        String raw = FieldCodec.readChars(buffer, base + f.offset(), 8);
        if (raw.equals("00000000") || raw.isBlank() || raw.chars().allMatch(c -> c == 0)) {
            return null;
        }
        LocalDate date = parseDate(raw);
        if (date == null) {
            throw fail(f, "holds '" + raw + "', which is not a valid date");
        }
        return date;
    }

    private LocalTime toTime(FieldMetadata f) {
        if (f.type() != AbapType.TIME) {
            throw unsupported(f, "a time");
        }
        String raw = FieldCodec.readChars(buffer, base + f.offset(), 6);
        if (raw.isBlank() || raw.chars().allMatch(c -> c == 0)) {
            return LocalTime.MIDNIGHT;
        }
        LocalTime time = parseTime(raw);
        if (time == null) {
            throw fail(f, "holds '" + raw + "', which is not a valid time");
        }
        return time;
    }

    private byte[] toBytes(FieldMetadata f) {
        switch (f.type()) {
            case RAW: {
                byte[] copy = new byte[f.length()];
                System.arraycopy(buffer, base + f.offset(), copy, 0, copy.length);
                return copy;
            }
            case XSTRING: {
                byte[] value = (byte[]) deep[deepBase + f.deepIndex()];
                return value == null ? new byte[0] : value.clone();
            }
            default:
                throw unsupported(f, "bytes");
        }
    }

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

    private void setText(FieldMetadata f, String value) {
        if (value == null) {
            clearField(f);
            return;
        }
        int at = base + f.offset();
        switch (f.type()) {
            case CHAR:
                if (value.length() > f.length()) {
                    throw fail(f, "text of " + value.length() + " characters is longer than the field's "
                            + f.length());
                }
                FieldCodec.writeChars(buffer, at, f.length(), value, ' ');
                return;
            case NUMC: {
                String digits = value.trim();
                if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw fail(f, "'" + value + "' is not made of digits only");
                }
                if (digits.length() > f.length()) {
                    throw fail(f, "'" + value + "' has more than " + f.length() + " digits");
                }
                FieldCodec.writeCharsRight(buffer, at, f.length(), digits, '0');
                return;
            }
            case DATE: {
                String compact = value.replace("-", "");
                if (compact.isEmpty() || compact.equals("00000000")) {
                    FieldCodec.writeChars(buffer, at, 8, "00000000", '0');
                    return;
                }
                if (parseDate(compact) == null) {
                    throw fail(f, "'" + value + "' is not a valid date (yyyyMMdd or yyyy-MM-dd)");
                }
                FieldCodec.writeChars(buffer, at, 8, compact, '0');
                return;
            }
            case TIME: {
                String compact = value.replace(":", "");
                if (compact.isEmpty()) {
                    compact = "000000";
                }
                if (parseTime(compact) == null) {
                    throw fail(f, "'" + value + "' is not a valid time (HHmmss or HH:mm:ss)");
                }
                FieldCodec.writeChars(buffer, at, 6, compact, '0');
                return;
            }
            case RAW: case XSTRING: {
                byte[] bytes = FieldCodec.parseHex(value);
                if (bytes == null) {
                    throw fail(f, "'" + value + "' is not an even number of hex digits");
                }
                setBytes(f, bytes);
                return;
            }
            case STRING:
                deep[deepBase + f.deepIndex()] = value;
                return;
            case FLOAT:
                try {
                    setDouble(f, Double.parseDouble(value.trim()));
                } catch (NumberFormatException e) {
                    throw fail(f, "'" + value + "' is not a number");
                }
                return;
            case STRUCTURE: case TABLE:
                throw unsupported(f, "text");
            default:
                try {
                    setDecimal(f, new BigDecimal(value.trim()));
                } catch (NumberFormatException e) {
                    throw fail(f, "'" + value + "' is not a number");
                }
        }
    }

    private void setLong(FieldMetadata f, long value) {
        if (f.type().isInteger()) {
            long min;
            long max;
            switch (f.type()) {
                case INT1: min = 0; max = 255; break;
                case INT2: case TMINUTE: case CDAY: min = Short.MIN_VALUE; max = Short.MAX_VALUE; break;
                case INT4: case DTDAY: case DTWEEK: case DTMONTH: case TSECOND: min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; break;
                default: min = Long.MIN_VALUE; max = Long.MAX_VALUE; break;
            }
            if (value < min || value > max) {
                throw fail(f, "value " + value + " is out of range " + min + ".." + max);
            }
            FieldCodec.writeInteger(buffer, base + f.offset(), f.byteLength(), value);
            return;
        }
        switch (f.type()) {
            case FLOAT: FieldCodec.writeDouble(buffer, base + f.offset(), value); return;
            case BCD: case DECF16: case DECF34: setDecimal(f, BigDecimal.valueOf(value)); return;
            case CHAR: case NUMC: case STRING: setText(f, Long.toString(value)); return;
            default: throw unsupported(f, "a number");
        }
    }

    private void setDouble(FieldMetadata f, double value) {
        switch (f.type()) {
            case FLOAT:
                FieldCodec.writeDouble(buffer, base + f.offset(), value);
                return;
            case CHAR: case STRING:
                setText(f, Double.toString(value));
                return;
            default:
                if (Double.isNaN(value) || Double.isInfinite(value)) {
                    throw fail(f, "value " + value + " has no decimal value");
                }
                setDecimal(f, BigDecimal.valueOf(value));
        }
    }

    private void setDecimal(FieldMetadata f, BigDecimal value) {
        if (value == null) {
            clearField(f);
            return;
        }
        int at = base + f.offset();
        switch (f.type()) {
            case BCD: {
                BigDecimal scaled = value.setScale(f.decimals(), java.math.RoundingMode.HALF_UP);
                if (scaled.precision() - scaled.scale() > f.bcdDigits() - f.decimals()
                        || scaled.unscaledValue().abs().toString().length() > f.bcdDigits()) {
                    throw fail(f, "value " + value.toPlainString() + " does not fit P(" + f.length() + ") with "
                            + f.decimals() + " decimals (at most " + (f.bcdDigits() - f.decimals()) + " integer digits)");
                }
                FieldCodec.writeBcd(buffer, at, f.length(), scaled);
                return;
            }
            case DECF16: case DECF34:
                try {
                    DecimalFloats.encode(value, buffer, at, f.byteLength());
                } catch (ArithmeticException e) {
                    throw fail(f, e.getMessage());
                }
                return;
            case FLOAT:
                FieldCodec.writeDouble(buffer, at, value.doubleValue());
                return;
            case CHAR: case NUMC: case STRING:
                setText(f, value.toPlainString());
                return;
            default:
                if (f.type().isInteger()) {
                    try {
                        setLong(f, value.longValueExact());
                    } catch (ArithmeticException e) {
                        throw fail(f, "value " + value.toPlainString() + " is not a whole number in the range of long");
                    }
                    return;
                }
                throw unsupported(f, "a number");
        }
    }

    private void setDate(FieldMetadata f, LocalDate value) {
        if (f.type() != AbapType.DATE) {
            throw unsupported(f, "a date");
        }
        if (value != null && (value.getYear() < 1 || value.getYear() > 9999)) {
            throw fail(f, "date " + value + " is outside the ABAP range 0001-01-01..9999-12-31");
        }
        int at = base + f.offset();
        if (value == null) {
            FieldCodec.writeChars(buffer, at, 8, "", '0');
            return;
        }
        FieldCodec.writeDigits(buffer, at, 4, value.getYear());
        FieldCodec.writeDigits(buffer, at + 8, 2, value.getMonthValue());
        FieldCodec.writeDigits(buffer, at + 12, 2, value.getDayOfMonth());
    }

    private void setTime(FieldMetadata f, LocalTime value) {
        if (f.type() != AbapType.TIME) {
            throw unsupported(f, "a time");
        }
        LocalTime time = value == null ? LocalTime.MIDNIGHT : value;
        int at = base + f.offset();
        FieldCodec.writeDigits(buffer, at, 2, time.getHour());
        FieldCodec.writeDigits(buffer, at + 4, 2, time.getMinute());
        FieldCodec.writeDigits(buffer, at + 8, 2, time.getSecond());
    }

    private void setBytes(FieldMetadata f, byte[] value) {
        switch (f.type()) {
            case RAW: {
                byte[] bytes = value == null ? new byte[0] : value;
                if (bytes.length > f.length()) {
                    throw fail(f, bytes.length + " bytes are more than the field's " + f.length());
                }
                int at = base + f.offset();
                System.arraycopy(bytes, 0, buffer, at, bytes.length);
                java.util.Arrays.fill(buffer, at + bytes.length, at + f.length(), (byte) 0);
                return;
            }
            case XSTRING:
                deep[deepBase + f.deepIndex()] = value == null ? null : value.clone();
                return;
            default:
                throw unsupported(f, "bytes");
        }
    }

    private void clearField(FieldMetadata f) {
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

    private static LocalDate parseDate(String compact) {
        if (compact.length() != 8 || !compact.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        try {
            int year = Integer.parseInt(compact.substring(0, 4));
            if (year < 1) {
                return null;
            }
            return LocalDate.of(year, Integer.parseInt(compact.substring(4, 6)), Integer.parseInt(compact.substring(6)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalTime parseTime(String compact) {
        if (compact.length() != 6 || !compact.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        try {
            return LocalTime.of(Integer.parseInt(compact.substring(0, 2)), Integer.parseInt(compact.substring(2, 4)),
                    Integer.parseInt(compact.substring(4)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    RfcDataException fail(FieldMetadata f, String problem) {
        return new RfcDataException(metadata.name() + "-" + f.name() + " (" + f.type() + "): " + problem);
    }

    private RfcDataException unsupported(FieldMetadata f, String what) {
        return fail(f, "cannot be read or written as " + what);
    }
}
