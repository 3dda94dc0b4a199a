package com.sap.conn.jco.ext;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md). One data provider of each kind per JVM.
 */
public class Environment {
    public static void registerDestinationDataProvider(DestinationDataProvider provider) {
        throw new UnsupportedOperationException();
    }

    public static void unregisterDestinationDataProvider(DestinationDataProvider provider) {
        throw new UnsupportedOperationException();
    }

    public static void registerServerDataProvider(ServerDataProvider provider) {
        throw new UnsupportedOperationException();
    }

    public static void unregisterServerDataProvider(ServerDataProvider provider) {
        throw new UnsupportedOperationException();
    }
}
