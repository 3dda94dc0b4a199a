package org.rfcbridge.jco.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

import com.sap.conn.jco.JCoRecord;
import com.sap.conn.jco.JCoTable;

import org.rfcbridge.api.data.Record;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.api.metadata.AbapType;

/**
 * How one field's value crosses between RFC Bridge's records and JCo's, in both directions, by the
 * JCo accessor that fits its ABAP type. Dates and times go through {@code java.util.Date} and
 * {@code setValue(String, Object)}, the form every JCo 3.1 release has (jco-api.md, trap 5), in the
 * JVM's time zone as JCo uses it.
 */
enum JCoFieldCopy {
    TEXT {
        @Override
        void toJCo(Record from, JCoRecord to, String name) {
            to.setValue(name, from.getString(name));
        }

        @Override
        void fromJCo(JCoRecord from, Record to, String name) {
            String value = from.getString(name);
            to.setValue(name, value == null ? "" : value);
        }
    },
    INT {
        @Override
        void toJCo(Record from, JCoRecord to, String name) {
            to.setValue(name, from.getInt(name));
        }

        @Override
        void fromJCo(JCoRecord from, Record to, String name) {
            to.setValue(name, from.getInt(name));
        }
    },
    LONG {
        @Override
        void toJCo(Record from, JCoRecord to, String name) {
            to.setValue(name, from.getLong(name));
        }

        @Override
        void fromJCo(JCoRecord from, Record to, String name) {
            to.setValue(name, from.getLong(name));
        }
    },
    FLOAT {
        @Override
        void toJCo(Record from, JCoRecord to, String name) {
            to.setValue(name, from.getDouble(name));
        }

        @Override
        void fromJCo(JCoRecord from, Record to, String name) {
            to.setValue(name, from.getDouble(name));
        }
    },
    DECIMAL {
        @Override
        void toJCo(Record from, JCoRecord to, String name) {
            to.setValue(name, from.getBigDecimal(name));
        }

        @Override
        void fromJCo(JCoRecord from, Record to, String name) {
            to.setValue(name, from.getBigDecimal(name));
        }
    },
    BYTES {
        @Override
        void toJCo(Record from, JCoRecord to, String name) {
            to.setValue(name, from.getBytes(name));
        }

        @Override
        void fromJCo(JCoRecord from, Record to, String name) {
            byte[] bytes = from.getByteArray(name);
            to.setValue(name, bytes == null ? new byte[0] : bytes);
        }
    },
    DATE {
        @Override
        void toJCo(Record from, JCoRecord to, String name) {
            LocalDate date = from.getDate(name);
            to.setValue(name, (Object) (date == null ? null : java.sql.Date.valueOf(date)));
        }

        @Override
        void fromJCo(JCoRecord from, Record to, String name) {
            Date date = from.getDate(name);
            if (date != null) {                              // null: initial, as ours already is
                to.setValue(name, new java.sql.Date(date.getTime()).toLocalDate());
            }
        }
    },
    TIME {
        @Override
        void toJCo(Record from, JCoRecord to, String name) {
            LocalTime time = from.getTime(name);
            to.setValue(name, (Object) (time == null ? null : java.sql.Time.valueOf(time)));
        }

        @Override
        void fromJCo(JCoRecord from, Record to, String name) {
            Date time = from.getDate(name);
            if (time != null) {
                to.setValue(name, new java.sql.Time(time.getTime()).toLocalTime());
            }
        }
    },
    STRUCTURE {
        @Override
        void toJCo(Record from, JCoRecord to, String name) {
            JCoRecords.copyFields(from.getStructure(name), to.getStructure(name));
        }

        @Override
        void fromJCo(JCoRecord from, Record to, String name) {
            JCoRecords.copyFields(from.getStructure(name), to.getStructure(name));
        }
    },
    TABLE {
        /** The JCo table is sized once before its rows are copied. */
        @Override
        void toJCo(Record from, JCoRecord to, String name) {
            Table rows = from.getTable(name);
            JCoTable jcoRows = to.getTable(name);
            jcoRows.ensureBufferCapacity(rows.getNumRows());
            for (int row = 0; row < rows.getNumRows(); row++) {
                rows.setRow(row);
                jcoRows.appendRow();
                JCoRecords.copyFields(rows, jcoRows);
            }
        }

        @Override
        void fromJCo(JCoRecord from, Record to, String name) {
            JCoTable jcoRows = from.getTable(name);
            Table rows = to.getTable(name);
            rows.ensureCapacity(rows.getNumRows() + jcoRows.getNumRows());
            for (int row = 0; row < jcoRows.getNumRows(); row++) {
                jcoRows.setRow(row);
                rows.appendRow();
                JCoRecords.copyFields(jcoRows, rows);
            }
        }
    };

    abstract void toJCo(Record from, JCoRecord to, String name);

    abstract void fromJCo(JCoRecord from, Record to, String name);

    /** The copy for a field of this ABAP type. */
    static JCoFieldCopy of(AbapType type, String field) {
        switch (type) {
            case CHAR:
            case NUMC:
            case STRING:
                return TEXT;
            case INT1:
            case INT2:
            case INT4:
                return INT;
            case INT8:
                return LONG;
            case FLOAT:
                return FLOAT;
            case BCD:
            case DECF16:
            case DECF34:
                return DECIMAL;
            case RAW:
            case XSTRING:
                return BYTES;
            case DATE:
                return DATE;
            case TIME:
                return TIME;
            case STRUCTURE:
                return STRUCTURE;
            case TABLE:
                return TABLE;
            default:
                throw new IllegalArgumentException("field " + field + " has type " + type
                        + ", which the JCo provider does not convert");
        }
    }
}
