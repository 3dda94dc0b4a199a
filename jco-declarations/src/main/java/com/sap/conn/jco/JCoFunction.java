package com.sap.conn.jco;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md). Each parameter list is null when the function has no parameters of that kind.
 */
public interface JCoFunction {
    String getName();

    JCoParameterList getImportParameterList();

    JCoParameterList getExportParameterList();

    JCoParameterList getChangingParameterList();

    JCoParameterList getTableParameterList();

    void execute(JCoDestination destination) throws JCoException;

    JCoFunctionTemplate getFunctionTemplate();
}
