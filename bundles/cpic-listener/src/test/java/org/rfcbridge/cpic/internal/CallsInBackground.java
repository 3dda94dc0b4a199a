package org.rfcbridge.cpic.internal;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.simulators.onprem.SimulatedAbapSystem;
import org.rfcbridge.simulators.onprem.SimulatedGateway;

/** Calls of the simulated caller that a test lets run while it looks at the bridge, and what the gateway saw. */
final class CallsInBackground {
    private CallsInBackground() {
    }

    /** The call to MYDESTINATION_000, running; it completes with the call, or with the RfcException as cause. */
    static CompletableFuture<Function> call(SimulatedAbapSystem onPrem, Function call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                onPrem.call("MYDESTINATION_000", call);
                return call;
            } catch (RfcException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The ids of the registrations at the gateway: the same set before and after means no connection registered again. */
    static Set<Integer> registrations(SimulatedGateway gateway) {
        return gateway.registrations().stream().map(SimulatedGateway.RegistrationInfo::id).collect(Collectors.toSet());
    }
}
