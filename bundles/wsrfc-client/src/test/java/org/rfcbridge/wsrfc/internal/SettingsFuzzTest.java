package org.rfcbridge.wsrfc.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Whatever an administrator types into a destination's configuration, the settings either accept it
 * or refuse it with a message naming the field; nothing else escapes, and a password typed into a
 * field never comes back in the message. 2,000 tries per build; more with {@code -Djqwik.tries.default=N}.
 */
class SettingsFuzzTest {
    @Property
    void anyHostPortPathClientAndLanguageIsAcceptedOrRefusedNamingTheField(@ForAll String host, @ForAll int port,
            @ForAll String path, @ForAll String client, @ForAll String language, @ForAll String subprotocol) {
        try {
            WsRfcSettings settings = new WsRfcSettings("Fuzz", host, port, path, subprotocol, Map.of(), "U",
                    "Secret-123", client, language, Duration.ofSeconds(1), Duration.ofSeconds(1));
            assertFalse(settings.host().contains("/"), "a host with a path must be refused: " + settings.host());
            assertTrue(settings.url().startsWith("wss://"));
            java.net.URI.create(settings.url());                  // the client can connect to what was accepted
            assertFalse(settings.toString().contains("Secret-123"));
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("field "), e.getMessage());
            assertFalse(e.getMessage().contains("Secret-123"));
        }
    }

    @Property
    void anyUpgradeHeaderEntryIsReadOrRefusedNamingTheField(@ForAll String[] entries) {
        try {
            Map<String, String> headers = WsRfcSettings.parseHeaders(entries);
            headers.keySet().forEach(name -> assertTrue(name.matches("[a-z0-9-]+"), name));
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("field upgrade.headers"), e.getMessage());
        }
    }

    @org.junit.jupiter.api.Test
    void theReleasesExampleCopiedUnchangedIsRefusedNamingTheField() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new WsRfcSettings("Connection_to_Cloud", "ENTER-YOUR-API-HOST.abap.eu10.hana.ondemand.com", 443,
                        "", "", Map.of(), "BC_USER000", "x", "100", "EN", Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().startsWith("field host still holds the example's placeholder"), e.getMessage());
    }
}
