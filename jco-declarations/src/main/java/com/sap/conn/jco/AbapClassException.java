package com.sap.conn.jco;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md). Only named in the throws clause of JCoServerFunctionHandler.
 */
public class AbapClassException extends JCoException {
    private static final long serialVersionUID = 1L;

    public AbapClassException(Exception cause) {
        super(JCO_ERROR_ABAP_CLASS_EXCEPTION_GROUP, null, String.valueOf(cause));
    }

    /** JCoException.JCO_ERROR_ABAP_CLASS_EXCEPTION, private here so the declared set stays minimal. */
    private static final int JCO_ERROR_ABAP_CLASS_EXCEPTION_GROUP = 111;
}
