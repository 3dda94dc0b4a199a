package com.sap.conn.jco;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md). Only the by-name accessors the provider uses; no setValue(String, Date) or
 * (String, BigInteger): those exist only since JCo 3.1.7 (dates go through setValue(String, Object)).
 */
public interface JCoRecord {
    JCoMetaData getMetaData();

    String getString(String name);

    int getInt(String name);

    long getLong(String name);

    double getDouble(String name);

    java.math.BigDecimal getBigDecimal(String name);

    java.util.Date getDate(String name);

    byte[] getByteArray(String name);

    JCoStructure getStructure(String name);

    JCoTable getTable(String name);

    void setValue(String name, String value);

    void setValue(String name, int value);

    void setValue(String name, long value);

    void setValue(String name, double value);

    void setValue(String name, java.math.BigDecimal value);

    void setValue(String name, byte[] value);

    void setValue(String name, Object value);
}
