package com.sap.conn.jco;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md).
 */
public class AbapException extends JCoException {
    private static final long serialVersionUID = 1L;

    public AbapException(String key, String message) {
        super(JCO_ERROR_ABAP_EXCEPTION, key, message);
    }
}
