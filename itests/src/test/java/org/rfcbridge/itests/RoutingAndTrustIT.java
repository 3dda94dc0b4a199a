package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.Callable;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.rfcbridge.api.CallContext;
import org.rfcbridge.api.CallRouter;
import org.rfcbridge.api.ProxyConfiguration;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.TrustService;
import org.rfcbridge.simulators.samples.SampleDestination;

/**
 * Routing rules and trusted certificates are the files in {@code etc/}: editing a rule file or
 * dropping a certificate into {@code etc/trust} changes the running bridge without a restart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RoutingAndTrustIT extends RfcBridgeTestSupport {
    private static final String CA_PEM = "rfcbridge.itest.ca.pem";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    BundleContext bundleContext;

    @Inject
    CallRouter router;

    @Inject
    TrustService trust;

    /** The proxy service now: a configuration change registers a new one, so there may be a moment without. */
    private ProxyConfiguration proxy() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        ServiceReference<ProxyConfiguration> reference = bundleContext.getServiceReference(ProxyConfiguration.class);
        while (reference == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
            reference = bundleContext.getServiceReference(ProxyConfiguration.class);
        }
        assertNotNull("no ProxyConfiguration service", reference);
        return bundleContext.getService(reference);
    }

    @Configuration
    public Option[] configuration() {
        return OptionUtils.combine(baseConfiguration(),
                systemProperty(CA_PEM).value(TestCertificates.caPem("RFC Bridge itest CA")));
    }

    private static Path etc() {
        return Path.of(System.getProperty("karaf.etc"));
    }

    private static void eventually(String what, Callable<Boolean> condition) throws Exception {
        eventually(WAIT, what, condition);
    }

    private boolean routesTo(CallContext call, String destination) {
        try {
            return router.route(call).name().equals(destination);
        } catch (SystemFailureException e) {
            return false;
        }
    }

    private String refusal(CallContext call) {
        try {
            return "routed to " + router.route(call).name();
        } catch (SystemFailureException e) {
            return e.getMessage();
        }
    }

    @Test
    public void editingARuleFileChangesRoutingWithoutARestart() throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(RfcDestination.NAME_PROPERTY, "ITest_Cloud");
        ServiceRegistration<RfcDestination> registration = bundleContext.registerService(RfcDestination.class,
                new SampleDestination("ITest_Cloud", "CLD"), properties);
        Path rule = etc().resolve("org.rfcbridge.routing.rule-itest.cfg");
        CallContext stfc = new CallContext("YI3", "000", "ITEST_RECEIVER", "STFC_CONNECTION", "DEVELOPER", "E");
        try {
            Files.writeString(rule, "sender = YI3000\nreceiver = ITEST_RECEIVER\nfunction = *\n"
                    + "transport = RFC\ndestination = ITest_Cloud\n", StandardCharsets.UTF_8);
            eventually("the new rule routes STFC_CONNECTION to ITest_Cloud", () -> routesTo(stfc, "ITest_Cloud"));

            Files.writeString(rule, "sender = YI3000\nreceiver = ITEST_RECEIVER\nfunction = BAPI_*\n"
                    + "transport = RFC\ndestination = ITest_Cloud\n", StandardCharsets.UTF_8);
            eventually("the edited rule no longer matches STFC_CONNECTION", () -> refusal(stfc).startsWith(
                    "No routing rule matches sender YI3000, receiver ITEST_RECEIVER and function STFC_CONNECTION"));
            // the rule is changed in place: there is no moment without it, so BAPI_* matches at once
            CallContext bapi = new CallContext("YI3", "000", "ITEST_RECEIVER", "BAPI_FLIGHT_GETLIST", "U", "E");
            assertTrue(refusal(bapi), routesTo(bapi, "ITest_Cloud"));

            Files.writeString(rule, "sender = YI3000\nreceiver = ITEST_RECEIVER\nfunction = *\ntransport = SOAP\n"
                    + "destination = ITest_Cloud\n",
                    StandardCharsets.UTF_8);
            eventually("an invalid rule is ignored, not half applied", () -> refusal(bapi).startsWith("No routing rule"));
        } finally {
            Files.deleteIfExists(rule);
            registration.unregister();
        }
    }

    @Test
    public void droppingACertificateIntoEtcTrustTrustsIt() throws Exception {
        Path target = etc().resolve("trust").resolve("itest-ca.pem");
        assertEquals(Path.of(System.getProperty("karaf.base")).resolve("etc/trust").normalize(), target.getParent().normalize());
        Files.copy(Path.of(System.getProperty(CA_PEM)), target, StandardCopyOption.REPLACE_EXISTING);
        try {
            eventually("the watched directory picks up the certificate", () -> trust.certificates().stream()
                    .anyMatch(c -> c.subject().contains("CN=RFC Bridge itest CA") && c.source().equals("itest-ca.pem")));
        } finally {
            Files.deleteIfExists(target);
        }
        eventually("the removed certificate is no longer trusted", () -> trust.certificates().stream()
                .noneMatch(c -> c.source().equals("itest-ca.pem")));
    }

    @Test
    public void theProxyPasswordComesFromASecretFileAndIsNeverShown() throws Exception {
        Path secret = etc().resolve("itest-proxy-password");
        Path config = etc().resolve("org.rfcbridge.proxy.cfg");
        Files.writeString(secret, "Pr0xy-Secret");
        try {
            Files.writeString(config, "host = proxy.example.com\nport = 8443\nuser = bc\n"
                    + "password = $[secret:itest-proxy-password]\n");
            eventually("the proxy configuration is read", () -> proxy().isConfigured());
            eventually("the password is resolved from the secret file",
                    () -> new String(proxy().password()).equals("Pr0xy-Secret"));
            ProxyConfiguration proxy = proxy();
            assertEquals("proxy.example.com", proxy.host());
            assertEquals(8443, proxy.port());
            assertTrue(proxy.toString(), !proxy.toString().contains("Pr0xy-Secret"));
        } finally {
            Files.deleteIfExists(config);
            Files.deleteIfExists(secret);
        }
        eventually("removing the configuration removes the proxy", () -> !proxy().isConfigured());
    }
}
