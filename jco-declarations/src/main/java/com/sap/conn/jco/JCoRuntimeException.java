package com.sap.conn.jco;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md).
 */
public class JCoRuntimeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int group;
    private final String key;

    public JCoRuntimeException(int group, String key, String message) {
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
