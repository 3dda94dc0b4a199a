package org.rfcbridge.api.data;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;

import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.FieldMetadata;

/**
 * The conversions between ABAP values in a {@link Record} and Java values, as JCo makes them: text, integers,
 * doubles, decimals, dates, times and bytes, read from and written to the record's fields, refusing what does not
 * fit with an {@link RfcDataException} naming the field. Beside {@link FieldCodec}, which reads and writes the
 * ABAP Unicode layout itself, as pgjdbc keeps its value conversions apart from its result set; {@link Record}
 * keeps the accessors.
 */
final class ValueConversions {
    private ValueConversions() {
    }

    static String string(Record r, FieldMetadata f) {
        int at = r.base + f.offset();
        switch (f.type()) {
            case CHAR: return FieldCodec.readTrimmedChars(r.buffer, at, f.length());
            case NUMC: return FieldCodec.readChars(r.buffer, at, f.length());
            case DATE: {
                String raw = FieldCodec.readChars(r.buffer, at, 8);
                return raw.substring(0, 4) + '-' + raw.substring(4, 6) + '-' + raw.substring(6);
            }
            case TIME: {
                String raw = FieldCodec.readChars(r.buffer, at, 6);
                return raw.substring(0, 2) + ':' + raw.substring(2, 4) + ':' + raw.substring(4);
            }
            case RAW: return FieldCodec.hex(r.buffer, at, f.length());
            case FLOAT: return Double.toString(FieldCodec.readDouble(r.buffer, at));
            case BCD: return toBigDecimal(r, f).toPlainString();
            case DECF16: case DECF34: return toBigDecimal(r, f).toString();
            case STRING: {
                Object value = r.deep[r.deepBase + f.deepIndex()];
                return value == null ? "" : (String) value;
            }
            case XSTRING: {
                byte[] value = (byte[]) r.deep[r.deepBase + f.deepIndex()];
                return value == null ? "" : FieldCodec.hex(value, 0, value.length);
            }
            case STRUCTURE: case TABLE:
                throw r.fail(f, "is a " + f.type() + "; read it with get" + (f.type() == AbapType.TABLE ? "Table" : "Structure"));
            default:
                return Long.toString(integer(r, f));
        }
    }

    static long integer(Record r, FieldMetadata f) {
        return FieldCodec.readInteger(r.buffer, r.base + f.offset(), f.byteLength(), f.type() == AbapType.INT1);
    }

    static long toLong(Record r, FieldMetadata f) {
        if (f.type().isInteger()) {
            return integer(r, f);
        }
        switch (f.type()) {
            case FLOAT: {
                double d = FieldCodec.readDouble(r.buffer, r.base + f.offset());
                if (d != Math.rint(d) || d < Long.MIN_VALUE || d > Long.MAX_VALUE) {
                    throw r.fail(f, "value " + d + " is not a whole number in the range of long");
                }
                return (long) d;
            }
            case BCD: case DECF16: case DECF34: {
                BigDecimal value = toBigDecimal(r, f);
                try {
                    return value.longValueExact();
                } catch (ArithmeticException e) {
                    throw r.fail(f, "value " + value.toPlainString() + " is not a whole number in the range of long");
                }
            }
            case CHAR: case NUMC: case STRING: {
                String text = string(r, f).trim();
                if (text.isEmpty()) {
                    return 0;
                }
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw r.fail(f, "text '" + text + "' is not a whole number");
                }
            }
            default:
                throw r.unsupported(f, "a number");
        }
    }

    static int toInt(Record r, FieldMetadata f) {
        long value = toLong(r, f);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw r.fail(f, "value " + value + " does not fit an int; read it with getLong");
        }
        return (int) value;
    }

    static double toDouble(Record r, FieldMetadata f) {
        switch (f.type()) {
            case FLOAT: return FieldCodec.readDouble(r.buffer, r.base + f.offset());
            case BCD: case DECF16: case DECF34: return toBigDecimal(r, f).doubleValue();
            case CHAR: case NUMC: case STRING: {
                String text = string(r, f).trim();
                try {
                    return text.isEmpty() ? 0 : Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw r.fail(f, "text '" + text + "' is not a number");
                }
            }
            default:
                if (f.type().isInteger()) {
                    return integer(r, f);
                }
                throw r.unsupported(f, "a number");
        }
    }

    static BigDecimal toBigDecimal(Record r, FieldMetadata f) {
        int at = r.base + f.offset();
        switch (f.type()) {
            case BCD: {
                BigDecimal value = FieldCodec.readBcd(r.buffer, at, f.length(), f.decimals());
                if (value == null) {
                    throw r.fail(f, "holds no valid packed number: " + FieldCodec.hex(r.buffer, at, f.length()));
                }
                return value;
            }
            case DECF16: case DECF34:
                try {
                    return DecimalFloats.decode(r.buffer, at, f.byteLength());
                } catch (ArithmeticException e) {
                    throw r.fail(f, e.getMessage());
                }
            case FLOAT: {
                double d = FieldCodec.readDouble(r.buffer, at);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw r.fail(f, "value " + d + " has no decimal value");
                }
                return BigDecimal.valueOf(d);
            }
            case CHAR: case NUMC: case STRING: {
                String text = string(r, f).trim();
                try {
                    return text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw r.fail(f, "text '" + text + "' is not a number");
                }
            }
            default:
                if (f.type().isInteger()) {
                    return BigDecimal.valueOf(integer(r, f));
                }
                throw r.unsupported(f, "a number");
        }
    }

    static LocalDate toDate(Record r, FieldMetadata f) {
        if (f.type() != AbapType.DATE) {
            throw r.unsupported(f, "a date");
        }
        String raw = FieldCodec.readChars(r.buffer, r.base + f.offset(), 8);
        if (raw.equals("00000000") || raw.isBlank() || raw.chars().allMatch(c -> c == 0)) {
            return null;
        }
        LocalDate date = parseDate(raw);
        if (date == null) {
            throw r.fail(f, "holds '" + raw + "', which is not a valid date");
        }
        return date;
    }

    static LocalTime toTime(Record r, FieldMetadata f) {
        if (f.type() != AbapType.TIME) {
            throw r.unsupported(f, "a time");
        }
        String raw = FieldCodec.readChars(r.buffer, r.base + f.offset(), 6);
        if (raw.isBlank() || raw.chars().allMatch(c -> c == 0)) {
            return LocalTime.MIDNIGHT;
        }
        LocalTime time = parseTime(raw);
        if (time == null) {
            throw r.fail(f, "holds '" + raw + "', which is not a valid time");
        }
        return time;
    }

    static byte[] toBytes(Record r, FieldMetadata f) {
        switch (f.type()) {
            case RAW: {
                byte[] copy = new byte[f.length()];
                System.arraycopy(r.buffer, r.base + f.offset(), copy, 0, copy.length);
                return copy;
            }
            case XSTRING: {
                byte[] value = (byte[]) r.deep[r.deepBase + f.deepIndex()];
                return value == null ? new byte[0] : value.clone();
            }
            default:
                throw r.unsupported(f, "bytes");
        }
    }

    static void setText(Record r, FieldMetadata f, String value) {
        if (value == null) {
            r.clearField(f);
            return;
        }
        int at = r.base + f.offset();
        switch (f.type()) {
            case CHAR:
                if (value.length() > f.length()) {
                    throw r.fail(f, "text of " + value.length() + " characters is longer than the field's "
                            + f.length());
                }
                FieldCodec.writeChars(r.buffer, at, f.length(), value, ' ');
                return;
            case NUMC: {
                String digits = value.trim();
                if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw r.fail(f, "'" + value + "' is not made of digits only");
                }
                if (digits.length() > f.length()) {
                    throw r.fail(f, "'" + value + "' has more than " + f.length() + " digits");
                }
                FieldCodec.writeCharsRight(r.buffer, at, f.length(), digits, '0');
                return;
            }
            case DATE: {
                String compact = value.replace("-", "");
                if (compact.isEmpty() || compact.equals("00000000")) {
                    FieldCodec.writeChars(r.buffer, at, 8, "00000000", '0');
                    return;
                }
                if (parseDate(compact) == null) {
                    throw r.fail(f, "'" + value + "' is not a valid date (yyyyMMdd or yyyy-MM-dd)");
                }
                FieldCodec.writeChars(r.buffer, at, 8, compact, '0');
                return;
            }
            case TIME: {
                String compact = value.replace(":", "");
                if (compact.isEmpty()) {
                    compact = "000000";
                }
                if (parseTime(compact) == null) {
                    throw r.fail(f, "'" + value + "' is not a valid time (HHmmss or HH:mm:ss)");
                }
                FieldCodec.writeChars(r.buffer, at, 6, compact, '0');
                return;
            }
            case RAW: case XSTRING: {
                byte[] bytes = FieldCodec.parseHex(value);
                if (bytes == null) {
                    throw r.fail(f, "'" + value + "' is not an even number of hex digits");
                }
                setBytes(r, f, bytes);
                return;
            }
            case STRING:
                r.deep[r.deepBase + f.deepIndex()] = value;
                return;
            case FLOAT:
                try {
                    setDouble(r, f, Double.parseDouble(value.trim()));
                } catch (NumberFormatException e) {
                    throw r.fail(f, "'" + value + "' is not a number");
                }
                return;
            case STRUCTURE: case TABLE:
                throw r.unsupported(f, "text");
            default:
                try {
                    setDecimal(r, f, new BigDecimal(value.trim()));
                } catch (NumberFormatException e) {
                    throw r.fail(f, "'" + value + "' is not a number");
                }
        }
    }

    static void setLong(Record r, FieldMetadata f, long value) {
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
                throw r.fail(f, "value " + value + " is out of range " + min + ".." + max);
            }
            FieldCodec.writeInteger(r.buffer, r.base + f.offset(), f.byteLength(), value);
            return;
        }
        switch (f.type()) {
            case FLOAT: FieldCodec.writeDouble(r.buffer, r.base + f.offset(), value); return;
            case BCD: case DECF16: case DECF34: setDecimal(r, f, BigDecimal.valueOf(value)); return;
            case CHAR: case NUMC: case STRING: setText(r, f, Long.toString(value)); return;
            default: throw r.unsupported(f, "a number");
        }
    }

    static void setDouble(Record r, FieldMetadata f, double value) {
        switch (f.type()) {
            case FLOAT:
                FieldCodec.writeDouble(r.buffer, r.base + f.offset(), value);
                return;
            case CHAR: case STRING:
                setText(r, f, Double.toString(value));
                return;
            default:
                if (Double.isNaN(value) || Double.isInfinite(value)) {
                    throw r.fail(f, "value " + value + " has no decimal value");
                }
                setDecimal(r, f, BigDecimal.valueOf(value));
        }
    }

    static void setDecimal(Record r, FieldMetadata f, BigDecimal value) {
        if (value == null) {
            r.clearField(f);
            return;
        }
        int at = r.base + f.offset();
        switch (f.type()) {
            case BCD: {
                BigDecimal scaled = value.setScale(f.decimals(), java.math.RoundingMode.HALF_UP);
                if (scaled.precision() - scaled.scale() > f.bcdDigits() - f.decimals()
                        || scaled.unscaledValue().abs().toString().length() > f.bcdDigits()) {
                    throw r.fail(f, "value " + value.toPlainString() + " does not fit P(" + f.length() + ") with "
                            + f.decimals() + " decimals (at most " + (f.bcdDigits() - f.decimals()) + " integer digits)");
                }
                FieldCodec.writeBcd(r.buffer, at, f.length(), scaled);
                return;
            }
            case DECF16: case DECF34:
                try {
                    DecimalFloats.encode(value, r.buffer, at, f.byteLength());
                } catch (ArithmeticException e) {
                    throw r.fail(f, e.getMessage());
                }
                return;
            case FLOAT:
                FieldCodec.writeDouble(r.buffer, at, value.doubleValue());
                return;
            case CHAR: case NUMC: case STRING:
                setText(r, f, value.toPlainString());
                return;
            default:
                if (f.type().isInteger()) {
                    try {
                        setLong(r, f, value.longValueExact());
                    } catch (ArithmeticException e) {
                        throw r.fail(f, "value " + value.toPlainString() + " is not a whole number in the range of long");
                    }
                    return;
                }
                throw r.unsupported(f, "a number");
        }
    }

    static void setDate(Record r, FieldMetadata f, LocalDate value) {
        if (f.type() != AbapType.DATE) {
            throw r.unsupported(f, "a date");
        }
        if (value != null && (value.getYear() < 1 || value.getYear() > 9999)) {
            throw r.fail(f, "date " + value + " is outside the ABAP range 0001-01-01..9999-12-31");
        }
        int at = r.base + f.offset();
        if (value == null) {
            FieldCodec.writeChars(r.buffer, at, 8, "", '0');
            return;
        }
        FieldCodec.writeDigits(r.buffer, at, 4, value.getYear());
        FieldCodec.writeDigits(r.buffer, at + 8, 2, value.getMonthValue());
        FieldCodec.writeDigits(r.buffer, at + 12, 2, value.getDayOfMonth());
    }

    static void setTime(Record r, FieldMetadata f, LocalTime value) {
        if (f.type() != AbapType.TIME) {
            throw r.unsupported(f, "a time");
        }
        LocalTime time = value == null ? LocalTime.MIDNIGHT : value;
        int at = r.base + f.offset();
        FieldCodec.writeDigits(r.buffer, at, 2, time.getHour());
        FieldCodec.writeDigits(r.buffer, at + 4, 2, time.getMinute());
        FieldCodec.writeDigits(r.buffer, at + 8, 2, time.getSecond());
    }

    static void setBytes(Record r, FieldMetadata f, byte[] value) {
        switch (f.type()) {
            case RAW: {
                byte[] bytes = value == null ? new byte[0] : value;
                if (bytes.length > f.length()) {
                    throw r.fail(f, bytes.length + " bytes are more than the field's " + f.length());
                }
                int at = r.base + f.offset();
                System.arraycopy(bytes, 0, r.buffer, at, bytes.length);
                java.util.Arrays.fill(r.buffer, at + bytes.length, at + f.length(), (byte) 0);
                return;
            }
            case XSTRING:
                r.deep[r.deepBase + f.deepIndex()] = value == null ? null : value.clone();
                return;
            default:
                throw r.unsupported(f, "bytes");
        }
    }

    static LocalDate parseDate(String compact) {
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

    static LocalTime parseTime(String compact) {
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
}
