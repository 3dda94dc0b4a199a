package com.sap.conn.jco.ext;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md).
 */
public interface ServerDataEventListener {
    void deleted(String serverName);

    void updated(String serverName);
}
