package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.Callable;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.FunctionRepository;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcListener;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.simulators.onprem.SimulatedAbapSystem;
import org.rfcbridge.simulators.onprem.SimulatedGateway;
import org.rfcbridge.simulators.samples.SampleFunctions;
import org.rfcbridge.simulators.samples.SampleDestination;

/**
 * The configured listener in Karaf: a CPIC server, a listener and a routing rule as files in
 * {@code etc/}, the simulated gateway and calling system inside the container, and a destination
 * service standing in for the cloud. SM59's connection test and calls go through the listener and
 * the real routing; editing the listener's file re-registers it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ListenerIT extends RfcBridgeTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    BundleContext bundleContext;

    @Configuration
    public Option[] configuration() {
        return baseConfiguration();
    }

    private static void eventually(String what, Callable<Boolean> condition) throws Exception {
        eventually(WAIT, what, condition);
    }

    private RfcListener listener(String name) {
        try {
            for (ServiceReference<RfcListener> reference : bundleContext.getServiceReferences(RfcListener.class, null)) {
                RfcListener listener = bundleContext.getService(reference);
                if (listener != null && name.equals(listener.name())) {
                    return listener;
                }
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return null;
    }

    @Test
    public void smConnectionTestAndCallsGoThroughTheConfiguredListener() throws Exception {
        Path etc = Path.of(System.getProperty("karaf.etc"));
        Path server = etc.resolve("org.rfcbridge.cpic.server-itest.cfg");
        Path listenerFile = etc.resolve("org.rfcbridge.cpic.listener-itest.cfg");
        Path rule = etc.resolve("org.rfcbridge.routing.rule-itestlistener.cfg");
        SampleDestination cloud = new SampleDestination("Connection_ITest", "CLD");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(RfcDestination.NAME_PROPERTY, cloud.name());
        ServiceRegistration<?> registration = bundleContext.registerService(
                new String[] {RfcDestination.class.getName(), FunctionRepository.class.getName()}, cloud, properties);
        try (SimulatedGateway gateway = SimulatedGateway.start(SimulatedGateway.Settings.defaults(0), event -> { })) {
            Files.writeString(server, "name = OP_ITest\napplication.server = 127.0.0.1\nsystem.number = 00\n"
                    + "gateway.service = " + gateway.port() + "\n");
            Files.writeString(rule, "sender = YI3000\nreceiver = ITEST_DEST\nfunction = *\ntransport = RFC\n"
                    + "destination = Connection_ITest\n");
            Files.writeString(listenerFile, "name = ITestListener\nserver = OP_ITest\nprogram.id = ITEST_PROGRAM\n"
                    + "connections = 2\nrepository = Connection_ITest\n");
            eventually("the listener registers both connections", () -> {
                RfcListener l = listener("ITestListener");
                return l != null && l.connections().stream().allMatch(c -> c.state() == ConnectionState.ALIVE)
                        && gateway.registrations().size() == 2;
            });

            SimulatedAbapSystem onPrem = new SimulatedAbapSystem(new SimulatedAbapSystem.Identity("YI3", "000",
                    "DEVELOPER", "E"), Duration.ofSeconds(10), ProtocolLimits.DEFAULT);
            onPrem.addDestination(new SimulatedAbapSystem.TypeTDestination("ITEST_DEST", "127.0.0.1", gateway.port(),
                    "ITEST_PROGRAM"));
            onPrem.addDestination(new SimulatedAbapSystem.TypeTDestination("OTHER_DEST", "127.0.0.1", gateway.port(),
                    "ITEST_PROGRAM"));
            assertTrue(onPrem.connectionTest("ITEST_DEST").toNanos() > 0);

            Function call = SampleFunctions.STFC_CONNECTION.newFunction();
            call.imports().setValue("REQUTEXT", "through Karaf");
            onPrem.call("ITEST_DEST", call);
            assertEquals("through Karaf", call.exports().getString("ECHOTEXT"));

            try {
                onPrem.call("OTHER_DEST", SampleFunctions.STFC_CONNECTION.newFunction());
                fail("no rule routes OTHER_DEST");
            } catch (SystemFailureException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("No routing rule matches sender YI3000, receiver "
                        + "OTHER_DEST and function STFC_CONNECTION"));
            }
            eventually("the listener counted the three calls", () -> listener("ITestListener").statistics().calls() >= 3);

            Files.writeString(listenerFile, "name = ITestListener\nserver = OP_ITest\nprogram.id = ITEST_PROGRAM\n"
                    + "connections = 1\nrepository = Connection_ITest\n");
            eventually("the edited listener registers again with one connection", () -> {
                RfcListener l = listener("ITestListener");
                return l != null && l.connections().size() == 1 && l.state() == ConnectionState.ALIVE
                        && gateway.registrations().size() == 1;
            });
            assertTrue(onPrem.connectionTest("ITEST_DEST").toNanos() > 0);
        } finally {
            Files.deleteIfExists(listenerFile);
            Files.deleteIfExists(rule);
            Files.deleteIfExists(server);
            registration.unregister();
        }
        eventually("removing the file stops the listener", () -> listener("ITestListener") == null);
    }
}
