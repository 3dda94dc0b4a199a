package com.sap.conn.jco.server;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md).
 */
public interface JCoServerContextInfo {
    com.sap.conn.jco.JCoAttributes getConnectionAttributes();
}
