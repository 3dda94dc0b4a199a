package com.sap.conn.jco;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md). The exceptions carry their values, so tests of the provider can raise them.
 */
public class JCoException extends Exception {
    private static final long serialVersionUID = 1L;
    public static final int JCO_ERROR_COMMUNICATION = 102;
    public static final int JCO_ERROR_LOGON_FAILURE = 103;
    public static final int JCO_ERROR_SYSTEM_FAILURE = 104;
    public static final int JCO_ERROR_APPLICATION_EXCEPTION = 105;
    public static final int JCO_ERROR_RESOURCE = 106;
    public static final int JCO_ERROR_FUNCTION_NOT_FOUND = 123;
    public static final int JCO_ERROR_ABAP_EXCEPTION = 126;
    public static final int JCO_ERROR_TIMEOUT = 135;

    private final int group;
    private final String key;

    public JCoException(int group, String key) {
        this(group, key, key);
    }

    public JCoException(int group, String key, String message) {
        super(message);
        this.group = group;
        this.key = key;
    }

    public final int getGroup() {
        return group;
    }

    public final String getKey() {
        return key;
    }
}
