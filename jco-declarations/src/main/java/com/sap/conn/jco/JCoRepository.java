package com.sap.conn.jco;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md).
 */
public interface JCoRepository {
    JCoFunctionTemplate getFunctionTemplate(String functionName) throws JCoException;

    JCoFunction getFunction(String functionName) throws JCoException;

    void removeFunctionTemplateFromCache(String functionName);

    void clear();
}
