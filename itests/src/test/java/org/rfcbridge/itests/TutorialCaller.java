package org.rfcbridge.itests;

import java.time.Duration;

import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.simulators.onprem.SimulatedAbapSystem;

/**
 * The tutorial's calling system for the tests on the demo assembly. A class of its own, not a method of
 * {@link RfcBridgeTestSupport}: the stock-Karaf tests share that class and have no simulators, and a probe fails to
 * load a test class whose methods' signatures name a class it cannot see.
 */
final class TutorialCaller {
    private TutorialCaller() {
    }

    /**
     * System YI3, client 000, user DEVELOPER, with two SM59 type-T destinations to the demo's Program ID at the
     * simulated gateway: MYDESTINATION_000, which the demo's rule routes, and UNROUTED_000, which no rule routes.
     */
    static SimulatedAbapSystem create() {
        return create(null);
    }

    /** As {@link #create()}, its tables compressed as {@code compression} says (null: as SAP's systems do). */
    static SimulatedAbapSystem create(TableCompression compression) {
        SimulatedAbapSystem.Identity identity = new SimulatedAbapSystem.Identity("YI3", "000", "DEVELOPER", "E");
        SimulatedAbapSystem onPrem = compression == null
                ? new SimulatedAbapSystem(identity, Duration.ofSeconds(30), ProtocolLimits.DEFAULT)
                : new SimulatedAbapSystem(identity, Duration.ofSeconds(30), ProtocolLimits.DEFAULT, compression);
        for (String destination : new String[] {"MYDESTINATION_000", "UNROUTED_000"}) {
            onPrem.addDestination(new SimulatedAbapSystem.TypeTDestination(destination, "127.0.0.1",
                    RfcBridgeTestSupport.GATEWAY_PORT, "CLOUD_SYSTEM_VIA_BC"));
        }
        return onPrem;
    }
}
