package com.sap.conn.jco;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md).
 */
public interface JCoFunctionTemplate {
    String getName();

    JCoListMetaData getImportParameterList();

    JCoListMetaData getExportParameterList();

    JCoListMetaData getChangingParameterList();

    JCoListMetaData getTableParameterList();

    AbapException[] getExceptionList();
}
