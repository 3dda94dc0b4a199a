package com.sap.conn.jco;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md). The TYPE_ values are inlined into the provider's bytecode; each is compared with SAP's own
 * classes by JCoDeclarationsMatchSapTest.
 */
public interface JCoMetaData {
    int TYPE_CHAR = 0;
    int TYPE_DATE = 1;
    int TYPE_BCD = 2;
    int TYPE_TIME = 3;
    int TYPE_BYTE = 4;
    int TYPE_NUM = 6;
    int TYPE_FLOAT = 7;
    int TYPE_INT = 8;
    int TYPE_INT2 = 9;
    int TYPE_INT1 = 10;
    int TYPE_STRUCTURE = 17;
    int TYPE_DECF16 = 23;
    int TYPE_DECF34 = 24;
    int TYPE_STRING = 29;
    int TYPE_XSTRING = 30;
    int TYPE_INT8 = 40;
    int TYPE_TABLE = 99;

    String getName();

    int getFieldCount();

    String getName(int index);

    int getType(int index);

    int getLength(int index);

    int getByteLength(int index);

    int getDecimals(int index);

    String getDescription(int index);

    JCoRecordMetaData getRecordMetaData(int index);
}
