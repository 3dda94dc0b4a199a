package org.rfcbridge.monitoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Hashtable;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the audit log says changed: each key with old and new value, secrets as ***, bookkeeping left out. */
class ConfigurationAuditTest {
    @Test
    void changedKeysWithOldAndNewValues() {
        assertEquals("enabled: true -> false; order: (none) -> 10", ConfigurationAudit.changes(
                Map.of("enabled", "true", "sender", "YI3000"), Map.of("enabled", "false", "sender", "YI3000",
                        "order", "10")));
    }

    @Test
    void secretsAreHiddenButTheirChangeIsSeen() {
        assertEquals("password: *** -> *** (changed)", ConfigurationAudit.changes(Map.of("password", "Old-Secret"),
                Map.of("password", "New-Secret")));
        assertEquals("keystore.password: (none) -> ***", ConfigurationAudit.changes(Map.of(),
                Map.of("keystore.password", "x")));
        assertEquals("", ConfigurationAudit.changes(Map.of("password", "same"), Map.of("password", "same")));
    }

    @Test
    void bookkeepingIsLeftOutAndArraysAreJoined() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("service.pid", "org.rfcbridge.routing.rule~tutorial");
        properties.put("felix.fileinstall.filename", "file:/etc/x.cfg");
        properties.put("functions.allowed", new String[] {"STFC_*", "BAPI_*"});
        properties.put("text", "two\nlines");
        assertEquals(Map.of("functions.allowed", "STFC_*,BAPI_*", "text", "two lines"),
                ConfigurationAudit.values(properties));
    }
}
