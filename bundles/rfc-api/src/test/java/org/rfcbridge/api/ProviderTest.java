package org.rfcbridge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Dictionary;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Service properties never carry a secret or a private property: console and web console show them to admins. */
class ProviderTest {
    @Test
    void secretsAndPrivatePropertiesAreNotServiceProperties() {
        Dictionary<String, Object> properties = Provider.serviceProperties(Map.of("name", "Connection_to_Cloud",
                "alias.user", "BC_USER000", "password", "PasswordForBC_USER000", "keystore.password", "k",
                "Proxy.Password", "p", ".private", "x"));
        assertEquals("Connection_to_Cloud", properties.get("name"));
        assertEquals("BC_USER000", properties.get("alias.user"));
        assertNull(properties.get("password"));
        assertNull(properties.get("keystore.password"));
        assertNull(properties.get("Proxy.Password"));
        assertNull(properties.get(".private"));
        assertEquals(2, properties.size());
    }
}
