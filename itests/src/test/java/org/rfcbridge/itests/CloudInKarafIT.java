package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

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
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.FunctionRepository;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.TrustService;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.simulators.cloud.SimulatedCloudSystem;

/**
 * A WebSocket RFC destination configured the way an administrator does it, by a {@code .cfg} file
 * in {@code etc/} and the cloud's CA in {@code etc/trust}: the component registers its services,
 * and the Jetty 12 client inside Karaf (beside Pax Web's Jetty 9.4, with SPI Fly) logs on over TLS,
 * reads metadata from the cloud's DDIC and calls. A host entered as a URL leaves a destination that
 * says what to enter.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CloudInKarafIT extends RfcBridgeTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    BundleContext bundleContext;

    @Inject
    TrustService trust;

    @Configuration
    public Option[] configuration() {
        return baseConfiguration();
    }

    private static Path etc() {
        return Path.of(System.getProperty("karaf.etc"));
    }

    private <T> T service(Class<T> type, String name) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Collection<ServiceReference<T>> found = bundleContext.getServiceReferences(type, "(name=" + name + ")");
            if (!found.isEmpty()) {
                return bundleContext.getService(found.iterator().next());
            }
            Thread.sleep(100);
        }
        fail("no " + type.getSimpleName() + " named " + name + " within " + WAIT.toSeconds() + " s");
        return null;
    }

    @Test
    public void aDestinationConfiguredInEtcCallsTheCloudOverTls() throws Exception {
        Path ca = etc().resolve("trust").resolve("itest-cloud-ca.pem");
        Path config = etc().resolve("org.rfcbridge.wsrfc.destination-itest.cfg");
        try (SimulatedCloudSystem cloud = SimulatedCloudSystem.start(0, List.of("localhost"), "CLD",
                ProtocolLimits.DEFAULT, event -> { })) {
            Files.writeString(ca, cloud.caPem(), StandardCharsets.US_ASCII);
            eventually(WAIT, "etc/trust holds the cloud's CA", () -> trust.certificates().stream()
                    .anyMatch(c -> c.source().equals("itest-cloud-ca.pem")));
            Files.writeString(config, "name = ITest_WsCloud\nhost = localhost\nport = " + cloud.port() + "\n"
                    + "alias.user = BC_USER000\npassword = PasswordForBC_USER000\nclient = 100\nlanguage = EN\n"
                    + "pool.size = 2\n", StandardCharsets.UTF_8);
            RfcDestination destination = service(RfcDestination.class, "ITest_WsCloud");
            assertTrue(destination.ping().toNanos() > 0);

            FunctionRepository repository = service(FunctionRepository.class, "ITest_WsCloud");
            Function call = repository.getFunctionMetadata("STFC_CONNECTION").orElseThrow().newFunction();
            call.imports().setValue("REQUTEXT", "inside Karaf");
            destination.execute(call);
            assertEquals("inside Karaf", call.exports().getString("ECHOTEXT"));
            assertTrue(call.exports().getString("RESPTEXT").contains("Sysid: CLD"));
            assertFalse(repository.getFunctionMetadata("Z_NOT_THERE").isPresent());
        } finally {
            Files.deleteIfExists(config);
            Files.deleteIfExists(ca);
        }
    }

    /** Config Admin's interpolation plugin leaves a reference it cannot resolve as text: never sent as a password. */
    @Test
    public void aSecretFileThatIsMissingLeavesADestinationThatNamesTheFile() throws Exception {
        assertUnusable("ITest_NoSecret", "host = localhost\nalias.user = BC_USER000\n"
                + "password = $[secret:itest-missing-password]\n", "field password holds "
                + "$[secret:itest-missing-password], which was not resolved: the file etc/itest-missing-password "
                + "is missing or not readable by the bridge's user");
    }

    @Test
    public void aHostEnteredAsUrlLeavesADestinationThatSaysWhatToEnter() throws Exception {
        assertUnusable("ITest_Url", "host = https://my-api.s4hana.cloud.sap/sap/bc/rfc\n"
                + "alias.user = BC_USER000\npassword = Secret-Not-Shown\n", "field host "
                + "'https://my-api.s4hana.cloud.sap/sap/bc/rfc' must be the host name only, without https:// "
                + "or a path: enter my-api.s4hana.cloud.sap");
    }

    /** A destination configured in etc/ with fields that cannot work: it is there and says why, before any logon. */
    private void assertUnusable(String name, String fields, String problem) throws Exception {
        Path config = etc().resolve("org.rfcbridge.wsrfc.destination-" + name + ".cfg");
        try {
            Files.writeString(config, "name = " + name + "\n" + fields, StandardCharsets.UTF_8);
            RfcDestination destination = service(RfcDestination.class, name);
            try {
                destination.ping();
                fail("destination " + name + " must not connect");
            } catch (RfcException e) {
                assertTrue(e.getClass().getName(), e instanceof CommunicationFailureException);
                assertEquals("Destination " + name + " is not usable: " + problem, e.getMessage());
            }
        } finally {
            Files.deleteIfExists(config);
        }
    }
}
