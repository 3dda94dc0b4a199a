package org.rfcbridge.cpic.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Whatever a CPIC server file says, the gateway address is a host and a port (1-65535) or refused
 * naming the field; nothing else escapes. 1,000 tries per build; more with {@code -Djqwik.tries.default=N}.
 */
class ServerSettingsFuzzTest {
    @Property
    void anyServerIsAGatewayAddressOrRefusedNamingTheField(@ForAll String applicationServer,
            @ForAll String systemNumber, @ForAll String gatewayHost, @ForAll String gatewayService) {
        try {
            GatewayAddress address = GatewayAddress.of(applicationServer, systemNumber, gatewayHost, gatewayService);
            assertTrue(!address.host().isBlank() && address.port() >= 1 && address.port() <= 65535, address.toString());
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("field "), e.getMessage());
        }
    }
}
