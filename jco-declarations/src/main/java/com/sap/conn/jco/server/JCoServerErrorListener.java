package com.sap.conn.jco.server;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md).
 */
public interface JCoServerErrorListener {
    void serverErrorOccurred(JCoServer server, String connectionId, JCoServerContextInfo context, Error error);
}
