package org.rfcbridge.jco.internal;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sap.conn.jco.AbapException;
import com.sap.conn.jco.JCoFunction;
import com.sap.conn.jco.JCoFunctionTemplate;
import com.sap.conn.jco.JCoListMetaData;
import com.sap.conn.jco.JCoMetaData;
import com.sap.conn.jco.JCoParameterList;
import com.sap.conn.jco.JCoRecord;
import com.sap.conn.jco.JCoRecordMetaData;
import com.sap.conn.jco.JCoStructure;
import com.sap.conn.jco.JCoTable;

/**
 * Fakes of the declared JCo types, behaving as JCo documents them (values by field name, a table's
 * row cursor that appendRow moves to the new row, null parameter lists for kinds a function lacks).
 * They stand in for JCo, which cannot run here; what they cannot show is confirmed at a site.
 */
final class FakeJCo {
    private FakeJCo() {
    }

    /** One field of a fake JCo metadata. */
    record Field(String name, int type, int length, int byteLength, int decimals, Meta recordType, boolean optional) {
        static Field of(String name, int type, int length) {
            return new Field(name, type, length, length, 0, null, false);
        }
    }

    /** A fake of JCo's list and record metadata. */
    static final class Meta implements JCoListMetaData, JCoRecordMetaData {
        final String name;
        final List<Field> fields = new ArrayList<>();

        Meta(String name, Field... fields) {
            this.name = name;
            this.fields.addAll(List.of(fields));
        }

        @Override public String getName() { return name; }
        @Override public int getFieldCount() { return fields.size(); }
        @Override public String getName(int index) { return fields.get(index).name(); }
        @Override public int getType(int index) { return fields.get(index).type(); }
        @Override public int getLength(int index) { return fields.get(index).length(); }
        @Override public int getByteLength(int index) { return fields.get(index).byteLength(); }
        @Override public int getDecimals(int index) { return fields.get(index).decimals(); }
        @Override public String getDescription(int index) { return "field " + fields.get(index).name(); }
        @Override public JCoRecordMetaData getRecordMetaData(int index) { return fields.get(index).recordType(); }
        @Override public boolean isOptional(int index) { return fields.get(index).optional(); }
        @Override public String getDefault(int index) { return ""; }

        Field field(String fieldName) {
            return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("JCO_ERROR_FIELD_NOT_FOUND: " + fieldName));
        }
    }

    /** A fake record: values by name, structures and tables made from the metadata. */
    static class Record implements JCoStructure, JCoParameterList {
        final Meta meta;
        final Map<String, Object> values = new LinkedHashMap<>();

        Record(Meta meta) {
            this.meta = meta;
            for (Field f : meta.fields) {
                if (f.type() == JCoMetaData.TYPE_STRUCTURE) {
                    values.put(f.name(), new Record(f.recordType()));
                } else if (f.type() == JCoMetaData.TYPE_TABLE) {
                    values.put(f.name(), new Table(f.recordType()));
                }
            }
        }

        private Object value(String name) {
            meta.field(name);
            return values.get(name);
        }

        private void set(String name, Object value) {
            meta.field(name);
            values.put(name, value);
        }

        @Override public JCoMetaData getMetaData() { return meta; }
        @Override public String getString(String name) { Object v = value(name); return v == null ? "" : v.toString(); }
        @Override public int getInt(String name) { Object v = value(name); return v == null ? 0 : ((Number) v).intValue(); }
        @Override public long getLong(String name) { Object v = value(name); return v == null ? 0 : ((Number) v).longValue(); }
        @Override public double getDouble(String name) { Object v = value(name); return v == null ? 0 : ((Number) v).doubleValue(); }
        @Override public BigDecimal getBigDecimal(String name) { Object v = value(name); return v == null ? BigDecimal.ZERO : (BigDecimal) v; }
        @Override public Date getDate(String name) { return (Date) value(name); }
        @Override public byte[] getByteArray(String name) { return (byte[]) value(name); }
        @Override public JCoStructure getStructure(String name) { return (JCoStructure) value(name); }
        @Override public JCoTable getTable(String name) { return (JCoTable) value(name); }
        @Override public void setValue(String name, String value) { set(name, value); }
        @Override public void setValue(String name, int value) { set(name, value); }
        @Override public void setValue(String name, long value) { set(name, value); }
        @Override public void setValue(String name, double value) { set(name, value); }
        @Override public void setValue(String name, BigDecimal value) { set(name, value); }
        @Override public void setValue(String name, byte[] value) { set(name, value); }
        @Override public void setValue(String name, Object value) { set(name, value); }
    }

    /** A fake table: rows of fake records and a cursor. */
    static final class Table extends Record implements JCoTable {
        final List<Record> rows = new ArrayList<>();
        int row = -1;
        int capacity;

        Table(Meta meta) {
            super(meta);
        }

        private Record current() {
            if (row < 0 || row >= rows.size()) {
                throw new IllegalStateException("no current row");
            }
            return rows.get(row);
        }

        @Override public int getNumRows() { return rows.size(); }
        @Override public void setRow(int index) { row = index; }
        @Override public void appendRow() { rows.add(new Record(meta)); row = rows.size() - 1; }
        @Override public void ensureBufferCapacity(int rowCount) { capacity = Math.max(capacity, rowCount); }
        @Override public String getString(String name) { return current().getString(name); }
        @Override public int getInt(String name) { return current().getInt(name); }
        @Override public long getLong(String name) { return current().getLong(name); }
        @Override public double getDouble(String name) { return current().getDouble(name); }
        @Override public BigDecimal getBigDecimal(String name) { return current().getBigDecimal(name); }
        @Override public Date getDate(String name) { return current().getDate(name); }
        @Override public byte[] getByteArray(String name) { return current().getByteArray(name); }
        @Override public JCoStructure getStructure(String name) { return current().getStructure(name); }
        @Override public JCoTable getTable(String name) { return current().getTable(name); }
        @Override public void setValue(String name, String value) { current().setValue(name, value); }
        @Override public void setValue(String name, int value) { current().setValue(name, value); }
        @Override public void setValue(String name, long value) { current().setValue(name, value); }
        @Override public void setValue(String name, double value) { current().setValue(name, value); }
        @Override public void setValue(String name, BigDecimal value) { current().setValue(name, value); }
        @Override public void setValue(String name, byte[] value) { current().setValue(name, value); }
        @Override public void setValue(String name, Object value) { current().setValue(name, value); }
    }

    /** A fake function template; {@link #getFunction()} makes a fresh fake function. */
    static final class Template implements JCoFunctionTemplate {
        final String name;
        final Meta imports;
        final Meta exports;
        final Meta changing;
        final Meta tables;
        final AbapException[] exceptions;

        Template(String name, Meta imports, Meta exports, Meta changing, Meta tables, AbapException... exceptions) {
            this.name = name;
            this.imports = imports;
            this.exports = exports;
            this.changing = changing;
            this.tables = tables;
            this.exceptions = exceptions;
        }

        @Override public String getName() { return name; }
        @Override public JCoListMetaData getImportParameterList() { return imports; }
        @Override public JCoListMetaData getExportParameterList() { return exports; }
        @Override public JCoListMetaData getChangingParameterList() { return changing; }
        @Override public JCoListMetaData getTableParameterList() { return tables; }
        @Override public AbapException[] getExceptionList() { return exceptions; }
        /** A fresh fake function of this template. */
        JCoFunction getFunction() { return new Function(this); }
    }

    /** A fake function; execute runs the given behaviour, standing in for the remote system. */
    static final class Function implements JCoFunction {
        final Template template;
        final Record imports;
        final Record exports;
        final Record changing;
        final Record tables;
        Executor behaviour = f -> { };

        interface Executor {
            void run(Function function) throws com.sap.conn.jco.JCoException;
        }

        Function(Template template) {
            this.template = template;
            this.imports = template.imports == null ? null : new Record(template.imports);
            this.exports = template.exports == null ? null : new Record(template.exports);
            this.changing = template.changing == null ? null : new Record(template.changing);
            this.tables = template.tables == null ? null : new Record(template.tables);
        }

        @Override public String getName() { return template.name; }
        @Override public JCoParameterList getImportParameterList() { return imports; }
        @Override public JCoParameterList getExportParameterList() { return exports; }
        @Override public JCoParameterList getChangingParameterList() { return changing; }
        @Override public JCoParameterList getTableParameterList() { return tables; }
        @Override public JCoFunctionTemplate getFunctionTemplate() { return template; }

        @Override
        public void execute(com.sap.conn.jco.JCoDestination destination) throws com.sap.conn.jco.JCoException {
            behaviour.run(this);
        }
    }

    /** A fake of an OSGi or JCo interface that answers the named methods and nothing else. */
    @SuppressWarnings("unchecked")
    static <T> T of(Class<T> type, Map<String, java.util.function.Function<Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(FakeJCo.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            java.util.function.Function<Object[], Object> answer = answers.get(method.getName());
            if (answer != null) {
                return answer.apply(args);
            }
            if (method.getName().equals("toString")) {
                return "fake " + type.getSimpleName();
            }
            throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName() + " is not faked");
        });
    }

    static Map<String, java.util.function.Function<Object[], Object>> answers() {
        return new HashMap<>();
    }
}
