package com.sap.conn.jco.server;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md). Standalone JCo only.
 */
public interface JCoServerCallHandlerFactory {
    void sessionClosed(JCoServerContext context, String message, boolean error);
}
