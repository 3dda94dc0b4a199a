package org.rfcbridge.jco.internal;

import com.sap.conn.jco.JCoFunction;
import com.sap.conn.jco.JCoParameterList;
import com.sap.conn.jco.JCoRecord;

import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.Record;
import org.rfcbridge.api.metadata.FieldMetadata;

/**
 * Values between JCo's records and RFC Bridge's, field by field and by name (the two sides' metadata
 * come from the same DDIC, but not necessarily in the same order); {@link JCoFieldCopy} says how for
 * each type.
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
            JCoFieldCopy.of(f.type(), f.name()).toJCo(from, to, f.name());
        }
    }

    static void copyFields(JCoRecord from, Record to) {
        for (FieldMetadata f : to.metadata().fields()) {
            JCoFieldCopy.of(f.type(), f.name()).fromJCo(from, to, f.name());
        }
    }
}
