package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.simulators.onprem.SimulatedAbapSystem;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * The JCo provider in the real assembly, where SAP JCo is not installed (it cannot be here): the bundle
 * resolves, a listener and a destination configured with {@code provider=jco} are not started, their
 * JCo components stay unsatisfied, and the listings and a routed call say that JCo is missing and how
 * to install it, while the native listener and destination of the demo keep working.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JCoProviderIT extends RfcBridgeTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PASSWORD = "JCoPassword-Never-Shown1";

    @Inject
    SessionFactory sessionFactory;

    @Inject
    ConfigurationAdmin configurations;

    @Inject
    ServiceComponentRuntime components;

    private final List<String> outputs = new ArrayList<>();

    @Configuration
    public Option[] configuration() {
        return baseConfiguration();
    }

    private String execute(String command) throws Exception {
        return console(sessionFactory, command, outputs);
    }

    @Test
    public void withoutJCoTheJCoProviderSaysHowToInstallItAndNativeKeepsWorking() throws Exception {
        Hashtable<String, Object> destination = new Hashtable<>();
        destination.put("name", "Connection_via_JCo");
        destination.put("host", "my1234-api.s4hana.cloud.sap");
        destination.put("alias.user", "COMM_USER");
        destination.put("password", PASSWORD);
        destination.put("provider", "jco");
        configurations.createFactoryConfiguration("org.rfcbridge.wsrfc.destination", "?").update(destination);
        addJCoListener(configurations, "Connection_via_JCo");

        eventually(WAIT, "rfc:listener-list shows the JCo listener", () -> shows(() -> execute(
                "rfc:listener-list --json"), "Listener_via_JCo"));
        String listeners = execute("rfc:listener-list");
        assertTrue(listeners, listeners.contains("Listener_via_JCo") && listeners.contains("DEAD")
                && listeners.contains("SAP JCo is not installed") && listeners.contains("./rfcbridge install-jco"));
        eventually(WAIT, "rfc:server-list shows the JCo destination", () -> execute("rfc:server-list")
                .contains("Connection_via_JCo"));
        String servers = execute("rfc:server-list");
        assertTrue(servers, servers.contains("WebSocket RFC (JCo)") && servers.contains("SAP JCo is not installed"));

        // the JCo components themselves stay unsatisfied: JCoServices is only there with JCo
        org.osgi.framework.Bundle provider = jcoProviderBundle();
        for (String name : List.of("org.rfcbridge.jco.listener", "org.rfcbridge.jco.destination")) {
            ComponentDescriptionDTO description = components.getComponentDescriptionDTO(provider, name);
            assertTrue(name + " is described", description != null);
            String jcoReference = Arrays.stream(description.references)
                    .filter(r -> r.interfaceName.equals("org.rfcbridge.jco.internal.JCoServices"))
                    .findFirst().orElseThrow().name;
            eventually(WAIT, name + " has its configurations", () -> !components.getComponentConfigurationDTOs(
                    description).isEmpty());
            for (ComponentConfigurationDTO c : components.getComponentConfigurationDTOs(description)) {
                assertEquals(name + " " + c.properties.get("name"), ComponentConfigurationDTO.UNSATISFIED_REFERENCE,
                        c.state);
                assertTrue(name + " waits for JCo", Arrays.stream(c.unsatisfiedReferences)
                        .anyMatch(r -> r.name.equals(jcoReference)));
            }
        }

        // a call routed to the JCo destination reaches the ABAP caller as COMMUNICATION_FAILURE saying why
        execute("rfc:route-add --order 5 jco YI3000 MYDESTINATION_000 STFC_CHANGING Connection_via_JCo");
        eventually(WAIT, "the rule is read", () -> execute("rfc:route-list").contains("Connection_via_JCo"));
        SimulatedAbapSystem onPrem = new SimulatedAbapSystem(new SimulatedAbapSystem.Identity("YI3", "000",
                "DEVELOPER", "E"), Duration.ofSeconds(30), ProtocolLimits.DEFAULT);
        onPrem.addDestination(new SimulatedAbapSystem.TypeTDestination("MYDESTINATION_000", "127.0.0.1",
                GATEWAY_PORT, "CLOUD_SYSTEM_VIA_BC"));
        try {
            onPrem.call("MYDESTINATION_000", SampleFunctions.STFC_CHANGING.newFunction());
            fail("JCo is not installed");
        } catch (CommunicationFailureException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("Connection_via_JCo")
                    && e.getMessage().contains("SAP JCo is not installed"));
        }
        eventually(WAIT, "the native path answers", () -> {
            Function call = SampleFunctions.STFC_CONNECTION.newFunction();
            call.imports().setValue("REQUTEXT", "native still works");
            try {
                onPrem.call("MYDESTINATION_000", call);
            } catch (Exception e) {
                return false;
            }
            return "native still works".equals(call.exports().getString("ECHOTEXT"));
        });
        for (String output : outputs) {
            assertFalse(output, output.contains(PASSWORD));
        }
    }
}
