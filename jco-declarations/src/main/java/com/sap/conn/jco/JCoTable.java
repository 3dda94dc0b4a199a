package com.sap.conn.jco;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md).
 */
public interface JCoTable extends JCoRecord {
    int getNumRows();

    void setRow(int row);

    void appendRow();

    void ensureBufferCapacity(int rows);
}
