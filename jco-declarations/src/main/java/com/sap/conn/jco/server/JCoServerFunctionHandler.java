package com.sap.conn.jco.server;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md).
 */
public interface JCoServerFunctionHandler {
    void handleRequest(JCoServerContext context, com.sap.conn.jco.JCoFunction function)
            throws com.sap.conn.jco.AbapException, com.sap.conn.jco.AbapClassException;
}
