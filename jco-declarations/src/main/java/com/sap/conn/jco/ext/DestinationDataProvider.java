package com.sap.conn.jco.ext;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md). Implemented by the provider, so declared completely; the property names are
 * used as literals (no constants here, whose values would be inlined).
 */
public interface DestinationDataProvider {
    java.util.Properties getDestinationProperties(String destinationName);

    boolean supportsEvents();

    void setDestinationDataEventListener(DestinationDataEventListener listener);

    /** Not abstract in JCo (implementations without it compile); null when not overridden. */
    default javax.net.ssl.SSLContext getSSLContext(String destinationName) {
        return null;
    }
}
