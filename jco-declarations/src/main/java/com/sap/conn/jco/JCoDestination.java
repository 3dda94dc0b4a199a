package com.sap.conn.jco;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md).
 */
public interface JCoDestination {
    JCoRepository getRepository() throws JCoException;

    void ping() throws JCoException;
}
