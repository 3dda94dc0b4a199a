package com.sap.conn.jco;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md).
 */
public abstract class JCoDestinationManager {
    protected JCoDestinationManager() {
    }

    public static JCoDestination getDestination(String destinationName) throws JCoException {
        throw new UnsupportedOperationException();
    }
}
