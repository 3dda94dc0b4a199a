package com.sap.conn.jco.server;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md). Standalone JCo only (not in SAP's BTP classes).
 */
public abstract class JCoServerFactory {
    public static JCoServer getServer(String serverName) throws com.sap.conn.jco.JCoException {
        throw new UnsupportedOperationException();
    }
}
