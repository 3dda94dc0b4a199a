package org.rfcbridge.truststore.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;

class SecureProxyTest {

    private static SecureProxyComponent proxy(String host, int port, String user, String password) {
        SecureProxyComponent proxy = new SecureProxyComponent();
        proxy.configure(new ProxyConfig() {
            @Override public Class<? extends Annotation> annotationType() { return ProxyConfig.class; }
            @Override public String host() { return host; }
            @Override public int port() { return port; }
            @Override public String user() { return user; }
            @Override public String password() { return password; }
        });
        return proxy;
    }

    @Test
    void aConfiguredProxyNeverShowsItsPassword() {
        SecureProxyComponent proxy = proxy("proxy.example.com", 8443, "bc", "Very$ecret");
        assertTrue(proxy.isConfigured());
        assertEquals("proxy.example.com", proxy.host());
        assertEquals(8443, proxy.port());
        assertArrayEquals("Very$ecret".toCharArray(), proxy.password());
        assertEquals("secure proxy proxy.example.com:8443 as user bc with a password", proxy.toString());
        assertFalse(proxy.toString().contains("Very$ecret"));
    }

    @Test
    void aHostWithSchemeOrPathIsRefused() {
        assertFalse(proxy("https://proxy.example.com", 8443, "", "").isConfigured());
        assertFalse(proxy("proxy.example.com/path", 8443, "", "").isConfigured());
        assertFalse(proxy("proxy.example.com", 0, "", "").isConfigured());
        assertFalse(proxy("", 3128, "", "").isConfigured());
        assertEquals("no secure proxy", proxy("", 3128, "", "").toString());
    }

    /** The interpolation plugin leaves a reference it cannot resolve: its text is no password to send. */
    @Test
    void aPasswordReferenceLeftUnresolvedIsRefused() {
        assertFalse(proxy("proxy.example.com", 8443, "bc", "$[secret:proxy-password]").isConfigured());
        assertFalse(proxy("proxy.example.com", 8443, "$[env:PROXY_USER]", "x").isConfigured());
    }
}
