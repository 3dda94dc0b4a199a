package org.rfcbridge.jco.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

import com.sap.conn.jco.JCoFunction;
import com.sap.conn.jco.JCoParameterList;
import com.sap.conn.jco.JCoRecord;
import com.sap.conn.jco.JCoTable;

import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.Record;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.api.metadata.FieldMetadata;

/**
 * Values between JCo's records and RFC Bridge's, field by field and by name (the two sides' metadata
 * come from the same DDIC, but not necessarily in the same order). Tables are sized once before their
 * rows are copied. Dates and times go through {@code java.util.Date} and {@code setValue(String, Object)},
 * the form every JCo 3.1 release has (jco-api.md, trap 5), in the JVM's time zone as JCo uses it.
 */
final class JCoRecords {
    private JCoRecords() {
    }

    /** What the caller sends: IMPORTING, CHANGING and TABLES, from ours into JCo's. */
    static void requestToJCo(Function function, JCoFunction jco) {
        copy(function.imports(), jco.getImportParameterList());
        copy(function.changing(), jco.getChangingParameterList());
        copy(function.tables(), jco.getTableParameterList());
    }

    /** What the function returns: EXPORTING, CHANGING and TABLES, from JCo's into ours. */
    static void responseFromJCo(JCoFunction jco, Function function) {
        copy(jco.getExportParameterList(), function.exports());
        copy(jco.getChangingParameterList(), function.changing());
        copy(jco.getTableParameterList(), function.tables());
    }

    /** On the server side: the caller's values arrive in JCo's function. */
    static void requestFromJCo(JCoFunction jco, Function function) {
        copy(jco.getImportParameterList(), function.imports());
        copy(jco.getChangingParameterList(), function.changing());
        copy(jco.getTableParameterList(), function.tables());
    }

    /** On the server side: the reply goes back in JCo's function. */
    static void responseToJCo(Function function, JCoFunction jco) {
        copy(function.exports(), jco.getExportParameterList());
        copy(function.changing(), jco.getChangingParameterList());
        copy(function.tables(), jco.getTableParameterList());
    }

    private static void copy(Record from, JCoParameterList to) {
        if (to != null) {
            copyFields(from, to);
        }
    }

    private static void copy(JCoParameterList from, Record to) {
        if (from != null) {
            copyFields(from, to);
        }
    }

    static void copyFields(Record from, JCoRecord to) {
        for (FieldMetadata f : from.metadata().fields()) {
            String name = f.name();
            switch (f.type()) {
                case CHAR:
                case NUMC:
                case STRING:
                    to.setValue(name, from.getString(name));
                    break;
                case INT1:
                case INT2:
                case INT4:
                    to.setValue(name, from.getInt(name));
                    break;
                case INT8:
                    to.setValue(name, from.getLong(name));
                    break;
                case FLOAT:
                    to.setValue(name, from.getDouble(name));
                    break;
                case BCD:
                case DECF16:
                case DECF34:
                    to.setValue(name, from.getBigDecimal(name));
                    break;
                case RAW:
                case XSTRING:
                    to.setValue(name, from.getBytes(name));
                    break;
                case DATE:
                    LocalDate date = from.getDate(name);
                    to.setValue(name, (Object) (date == null ? null : java.sql.Date.valueOf(date)));
                    break;
                case TIME:
                    LocalTime time = from.getTime(name);
                    to.setValue(name, (Object) (time == null ? null : java.sql.Time.valueOf(time)));
                    break;
                case STRUCTURE:
                    copyFields(from.getStructure(name), to.getStructure(name));
                    break;
                case TABLE:
                    copyRows(from.getTable(name), to.getTable(name));
                    break;
                default:
                    throw new IllegalArgumentException("field " + name + " has type " + f.type()
                            + ", which the JCo provider does not convert");
            }
        }
    }

    static void copyFields(JCoRecord from, Record to) {
        for (FieldMetadata f : to.metadata().fields()) {
            String name = f.name();
            switch (f.type()) {
                case CHAR:
                case NUMC:
                case STRING:
                    to.setValue(name, nullToEmpty(from.getString(name)));
                    break;
                case INT1:
                case INT2:
                case INT4:
                    to.setValue(name, from.getInt(name));
                    break;
                case INT8:
                    to.setValue(name, from.getLong(name));
                    break;
                case FLOAT:
                    to.setValue(name, from.getDouble(name));
                    break;
                case BCD:
                case DECF16:
                case DECF34:
                    to.setValue(name, from.getBigDecimal(name));
                    break;
                case RAW:
                case XSTRING:
                    byte[] bytes = from.getByteArray(name);
                    to.setValue(name, bytes == null ? new byte[0] : bytes);
                    break;
                case DATE:
                    Date date = from.getDate(name);
                    if (date != null) {
                        to.setValue(name, new java.sql.Date(date.getTime()).toLocalDate());
                    }
                    break;
                case TIME:
                    Date time = from.getDate(name);
                    if (time != null) {
                        to.setValue(name, new java.sql.Time(time.getTime()).toLocalTime());
                    }
                    break;
                case STRUCTURE:
                    copyFields(from.getStructure(name), to.getStructure(name));
                    break;
                case TABLE:
                    copyRows(from.getTable(name), to.getTable(name));
                    break;
                default:
                    throw new IllegalArgumentException("field " + name + " has type " + f.type()
                            + ", which the JCo provider does not convert");
            }
        }
    }

    private static void copyRows(Table from, JCoTable to) {
        int rows = from.getNumRows();
        to.ensureBufferCapacity(rows);
        for (int row = 0; row < rows; row++) {
            from.setRow(row);
            to.appendRow();
            copyFields(from, to);
        }
    }

    private static void copyRows(JCoTable from, Table to) {
        int rows = from.getNumRows();
        to.ensureCapacity(to.getNumRows() + rows);
        for (int row = 0; row < rows; row++) {
            from.setRow(row);
            to.appendRow();
            copyFields(from, to);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
