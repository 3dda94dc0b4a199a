package com.sap.conn.jco.ext;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md). Implemented by the provider, so declared completely.
 */
public interface ServerDataProvider {
    java.util.Properties getServerProperties(String serverName);

    boolean supportsEvents();

    void setServerDataEventListener(ServerDataEventListener listener);
}
