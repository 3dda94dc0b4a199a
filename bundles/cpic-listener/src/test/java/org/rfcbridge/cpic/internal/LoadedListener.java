package org.rfcbridge.cpic.internal;

import java.time.Duration;

import org.rfcbridge.api.CallObserver;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.simulators.onprem.SimulatedAbapSystem;
import org.rfcbridge.simulators.onprem.SimulatedGateway;
import org.rfcbridge.simulators.samples.SampleDestination;

/**
 * What the reliability tests put under load: a simulated gateway, a listener with its connections
 * routing every call to an in-process destination, and the on-prem caller with MYDESTINATION_000.
 */
final class LoadedListener implements AutoCloseable {
    final SimulatedGateway gateway;
    final ListenerCounters counters = new ListenerCounters();
    final ListenerRuntime listener;
    final SimulatedAbapSystem onPrem;

    LoadedListener(String name, int connections, Duration callTimeout) throws Exception {
        this(name, connections, callTimeout, ListenerRuntime.Settings.DEFAULT_WRITE_TIMEOUT);
    }

    LoadedListener(String name, int connections, Duration callTimeout, Duration writeTimeout) throws Exception {
        this(name, connections, callTimeout, writeTimeout, new SampleDestination("Connection_to_Cloud", "CLD"),
                call -> { });
    }

    /** With the destination every call goes to, and what is told of each call's end. */
    LoadedListener(String name, int connections, Duration callTimeout, Duration writeTimeout, SampleDestination cloud,
                   CallObserver observer) throws Exception {
        gateway = SimulatedGateway.start(SimulatedGateway.Settings.defaults(0), event -> { });
        listener = new ListenerRuntime(name, ListenerTest.PROGRAM_ID, connections,
                () -> new GatewayAddress("127.0.0.1", gateway.port()), new BridgeCallHandler(ListenerTest.PROGRAM_ID,
                        () -> call -> cloud, () -> cloud, "Connection_to_Cloud", false, counters, ProtocolLimits.DEFAULT,
                        TableCompression.NONE, observer),
                counters, new ListenerRuntime.Settings(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(5),
                        ProtocolLimits.DEFAULT, writeTimeout));
        onPrem = new SimulatedAbapSystem(new SimulatedAbapSystem.Identity("YI3", "000", name.toUpperCase(), "E"),
                callTimeout, ProtocolLimits.DEFAULT);
        onPrem.addDestination(new SimulatedAbapSystem.TypeTDestination("MYDESTINATION_000", "127.0.0.1", gateway.port(),
                ListenerTest.PROGRAM_ID));
    }

    @Override
    public void close() {
        listener.stop();
        gateway.close();
    }
}
