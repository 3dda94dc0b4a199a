package com.sap.conn.jco.server;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md). DEAD is standalone JCo only; switches over it need a default.
 */
public enum JCoServerState {
    STARTED, ALIVE, DEAD, STOPPING, STOPPED
}
