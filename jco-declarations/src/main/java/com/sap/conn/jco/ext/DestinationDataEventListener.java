package com.sap.conn.jco.ext;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md).
 */
public interface DestinationDataEventListener {
    void deleted(String destinationName);

    void updated(String destinationName);
}
