package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * The assembly boots: every RFC Bridge bundle is ACTIVE, every Declarative Services component is
 * satisfied (but the JCo provider's, which wait for SAP JCo and for nothing else), and the console and web console answer on loopback with the shipped administrator.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AssemblyIT extends RfcBridgeTestSupport {
    /** Bundles the rfcbridge feature must bring up. Grows with each bundle. */
    static final String[] EXPECTED_BUNDLES = {"org.rfcbridge.rfc-api", "org.rfcbridge.rfc-protocol",
        "org.rfcbridge.routing", "org.rfcbridge.truststore", "org.rfcbridge.cpic-listener", "org.rfcbridge.simulators",
        "org.rfcbridge.wsrfc-client", "org.rfcbridge.shell", "org.rfcbridge.webconsole"};

    @Inject
    BundleContext bundleContext;

    @Inject
    ServiceComponentRuntime scr;

    @Inject
    @Filter(timeout = 30_000)
    SessionFactory sessionFactory;

    @Configuration
    public Option[] configuration() {
        return baseConfiguration();
    }

    @Test
    public void everyRfcBridgeBundleIsActive() throws InterruptedException {
        // the boot features are provisioned in the background, and the web console's last: give them a minute
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && rfcBridgeBundles().values().stream()
                .anyMatch(b -> b.getState() != Bundle.ACTIVE && !isFragment(b))) {
            Thread.sleep(200);
        }
        Map<String, Bundle> bundles = rfcBridgeBundles();
        List<String> problems = new ArrayList<>();
        for (String expected : EXPECTED_BUNDLES) {
            Bundle bundle = bundles.get(expected);
            if (bundle == null) {
                problems.add(expected + " is not installed; installed are " + bundles.keySet());
            }
        }
        for (Bundle bundle : bundles.values()) {
            if (bundle.getState() != Bundle.ACTIVE && !isFragment(bundle)) {
                problems.add(bundle.getSymbolicName() + " is " + stateName(bundle.getState()) + ": " + whyNotActive(bundle));
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    /** The JCo provider's components, which stay unsatisfied without SAP JCo (docs/jco.md). */
    private static final Set<String> WAITING_FOR_JCO = Set.of("org.rfcbridge.jco.listener",
            "org.rfcbridge.jco.destination");

    @Test
    public void everyRfcBridgeComponentIsSatisfied() {
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : rfcBridgeBundles().values()) {
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    boolean satisfied = configuration.state == ComponentConfigurationDTO.ACTIVE
                            || configuration.state == ComponentConfigurationDTO.SATISFIED;
                    if (WAITING_FOR_JCO.contains(description.name)) {
                        // SAP JCo is not installed here: these must wait for it, and for nothing else
                        satisfied = configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                                && configuration.unsatisfiedReferences.length == 1
                                && Arrays.stream(description.references).anyMatch(r -> r.name.equals(
                                        configuration.unsatisfiedReferences[0].name)
                                        && r.interfaceName.equals("org.rfcbridge.jco.internal.JCoServices"));
                    }
                    if (!satisfied) {
                        StringBuilder why = new StringBuilder(description.name).append(" in ")
                                .append(bundle.getSymbolicName()).append(" is not satisfied");
                        for (UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
                            why.append("; missing ").append(reference.name).append(" ").append(reference.target);
                        }
                        if (configuration.failure != null) {
                            why.append("; failure: ").append(configuration.failure);
                        }
                        problems.add(why.toString());
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    @Test
    public void consoleRunsCommandsAndListsTheFeature() throws Exception {
        String output = execute("feature:list -i | grep rfcbridge");
        assertTrue("feature rfcbridge should be installed, feature:list -i said:\n" + output,
                output.contains("rfcbridge"));
    }

    @Test
    public void webConsoleAnswersOnlyWithCredentials() throws Exception {
        URL url = new URL("http://127.0.0.1:" + HTTP_PORT + "/system/console/bundles");
        assertEquals("the web console must refuse anonymous access", 401, status(url, null));
        assertEquals("the web console must accept the shipped administrator", 200,
                status(url, ADMIN_USER + ":" + ADMIN_PASSWORD));
    }

    private int status(URL url, String credentials) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            if (credentials != null) {
                connection.setRequestProperty("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            try {
                int code = connection.getResponseCode();
                if (code != 404 && code != 503 || System.currentTimeMillis() > deadline) {
                    return code;
                }
            } catch (java.io.IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
            } finally {
                connection.disconnect();
            }
            Thread.sleep(500);           // the web console registers shortly after the framework reports started
        }
    }

    private String execute(String command) throws Exception {
        return console(sessionFactory, command, new ArrayList<>());
    }

    private Map<String, Bundle> rfcBridgeBundles() {
        Map<String, Bundle> bundles = new TreeMap<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name != null && name.startsWith("org.rfcbridge.")) {
                bundles.put(name, bundle);
            }
        }
        return bundles;
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders().get("Fragment-Host") != null;
    }

    private static String whyNotActive(Bundle bundle) {
        try {
            bundle.start();
            return "it started when asked, so the feature did not start it";
        } catch (BundleException e) {
            return e.getMessage();           // carries the unresolved requirement
        }
    }

    private static String stateName(int state) {
        switch (state) {
            case Bundle.INSTALLED: return "INSTALLED (not resolved)";
            case Bundle.RESOLVED: return "RESOLVED (not started)";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            default: return "in state " + state;
        }
    }
}
