package org.rfcbridge.api;

/**
 * SAP BC's "Secure Proxy (HTTPS)": the proxy WebSocket connections to the cloud go through, by HTTP
 * CONNECT with basic authentication. Its {@code toString()} never shows the password.
 */
public interface ProxyConfiguration {
    /** True if a proxy host is configured. */
    boolean isConfigured();

    /** Proxy host name or address. */
    String host();

    /** Proxy port. */
    int port();

    /** User for basic authentication, empty for none. */
    String user();

    /** Password for basic authentication (a copy the caller may clear), empty for none. */
    char[] password();
}
