package org.rfcbridge.cpic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What an administrator enters for the CPIC server and listener, and what is refused with which text. */
class ConfigurationTest {

    @Test
    void theReleasesExampleCopiedUnchangedIsRefusedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GatewayAddress.of(
                "ENTER-YOUR-GATEWAY-HOST", "00", "", ""));
        assertTrue(e.getMessage().startsWith("field application.server still holds the example's placeholder"),
                e.getMessage());
    }

    @Test
    void theGatewayServiceDefaultsToSapgwOfTheSystemNumber() {
        assertEquals(new GatewayAddress("onprem.example.com", 3300), GatewayAddress.of("onprem.example.com", "00", "", ""));
        assertEquals(new GatewayAddress("gw.example.com", 3312), GatewayAddress.of("as", "12", "gw.example.com", ""));
        assertEquals(new GatewayAddress("as", 3305), GatewayAddress.of("as", "00", null, "sapgw05"));
        assertEquals(new GatewayAddress("as", 4711), GatewayAddress.of("as", "00", null, "4711"));
    }

    @Test
    void wrongSettingsAreRefusedNamingTheFieldAndTheFix() {
        assertEquals("field gateway.service 'sapgw00s' is the TLS gateway port, which RFC Bridge does not support yet; "
                + "use sapgw00 (port 3300)", assertThrows(IllegalArgumentException.class,
                () -> GatewayAddress.of("as", "00", "", "sapgw00s")).getMessage());
        assertEquals("field system.number '0' must be two digits, e.g. 00", assertThrows(IllegalArgumentException.class,
                () -> GatewayAddress.of("as", "0", "", "")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GatewayAddress.of("", "00", "", ""))
                .getMessage().startsWith("field application.server is empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GatewayAddress.of("https://as", "00", "", ""))
                .getMessage().contains("host name only"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GatewayAddress.of("as", "00", "", "sapdp00"))
                .getMessage().contains("neither a port number nor sapgwNN"));
    }

    @Test
    void programIdsFollowSapsRules() {
        assertTrue(ListenerSettings.PROGRAM_ID.matcher("CLOUD_SYSTEM_VIA_BC").matches());
        assertTrue(ListenerSettings.PROGRAM_ID.matcher("my.prog-1").matches());
        assertFalse(ListenerSettings.PROGRAM_ID.matcher("").matches());
        assertFalse(ListenerSettings.PROGRAM_ID.matcher("WITH BLANK").matches());
        assertFalse(ListenerSettings.PROGRAM_ID.matcher("STAR*").matches());
        assertFalse(ListenerSettings.PROGRAM_ID.matcher("X".repeat(64)).matches());
        assertThrows(IllegalArgumentException.class, () -> new RegisteredConnection("h", 1, "A*", "l",
                java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1), org.rfcbridge.protocol.ProtocolLimits.DEFAULT,
                new RegisteredConnection.Observer() { }));
    }
}
