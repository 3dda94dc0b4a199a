package com.sap.conn.jco.server;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md). Standalone JCo only.
 */
public interface JCoServerFunctionHandlerFactory extends JCoServerCallHandlerFactory {
    JCoServerFunctionHandler getCallHandler(JCoServerContext context, String functionName);
}
