package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.rfcbridge.api.BridgeMonitor;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.simulators.onprem.SimulatedAbapSystem;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * The "RFC Bridge" page of the web console in a real browser: Debian's chromium, driven by
 * Playwright ({@code src/test/browser/console-test.mjs}), logs in to the running assembly, clicks
 * Test Connection for the demo's cloud destination, adds a routing rule with the form (which must
 * appear as a file in {@code etc/}), finds a POST without the CSRF token refused, sees the health checks and
 * a call made through the bridge among the recent calls, and disables the rule it added (the audit log must
 * name the web console's user). The screenshot
 * is kept in {@code itests/target/screenshots/}. Without chromium or the Playwright driver the test is
 * skipped, saying so, unless {@code rfcbridge.browser.required} is set ({@code ./rfcbridge test} sets it).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebConsoleIT extends RfcBridgeTestSupport {
    @Inject
    BundleContext bundleContext;

    private static final String[] PASSED_ON = {"rfcbridge.browser.dir", "rfcbridge.screenshots",
        "rfcbridge.browser.required"};

    @Configuration
    public Option[] configuration() {
        Option[] options = baseConfiguration();
        for (String property : PASSED_ON) {
            options = OptionUtils.combine(options, systemProperty(property).value(System.getProperty(property, "")));
        }
        return options;
    }

    private static int status(String url, String credentials, String method) throws IOException {
        HttpURLConnection connection = open(url, credentials, method);
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    private static HttpURLConnection open(String url, String credentials, String method) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setRequestMethod(method);
        if (credentials != null) {
            connection.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return connection;
    }

    /** The status pages an administrator can download show every service and configuration: never a password. */
    private static void noPasswordInTheStatusPages() throws IOException {
        for (String page : List.of("status-Configurations.txt", "status-Services.txt")) {
            HttpURLConnection connection = open("http://127.0.0.1:" + HTTP_PORT + "/system/console/" + page,
                    ADMIN_USER + ":" + ADMIN_PASSWORD, "GET");
            try {
                String text = new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(page + " lists the destination", text.contains("Connection_to_Cloud"));
                assertFalse(page + " shows no password", text.contains("PasswordForBC_USER000"));
            } finally {
                connection.disconnect();
            }
        }
    }

    @Inject
    MetaTypeService metaType;

    @Test
    public void theConfigurationTabCanEditEveryConfiguration() {
        Set<String> pids = new TreeSet<>();
        Set<String> factoryPids = new TreeSet<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith("org.rfcbridge.")) {
                MetaTypeInformation info = metaType.getMetaTypeInformation(bundle);
                pids.addAll(Arrays.asList(info.getPids()));
                factoryPids.addAll(Arrays.asList(info.getFactoryPids()));
            }
        }
        assertTrue(pids.toString(), pids.containsAll(List.of("org.rfcbridge.truststore", "org.rfcbridge.proxy",
                "org.rfcbridge.simulators.demo")));
        assertTrue(factoryPids.toString(), factoryPids.containsAll(List.of("org.rfcbridge.wsrfc.destination",
                "org.rfcbridge.cpic.server", "org.rfcbridge.cpic.listener", "org.rfcbridge.routing.rule")));
        Bundle client = Arrays.stream(bundleContext.getBundles())
                .filter(b -> "org.rfcbridge.wsrfc-client".equals(b.getSymbolicName())).findFirst().orElseThrow();
        ObjectClassDefinition destination = metaType.getMetaTypeInformation(client)
                .getObjectClassDefinition("org.rfcbridge.wsrfc.destination", null);
        AttributeDefinition password = Arrays.stream(destination.getAttributeDefinitions(ObjectClassDefinition.ALL))
                .filter(a -> a.getID().equals("password")).findFirst().orElseThrow();
        assertEquals("the console masks the password field", AttributeDefinition.PASSWORD, password.getType());
    }

    /**
     * The page's status for scripts (issue 22): the same rows as the page and the console's listings, as JSON, behind
     * the console's login.
     */
    @Test
    @SuppressWarnings("unchecked")
    public void thePagesStatusIsJsonForScripts() throws Exception {
        String url = "http://127.0.0.1:" + HTTP_PORT + "/system/console/rfcbridge/status.json";
        eventually(Duration.ofSeconds(60), "the listener's 5 connections show", () -> {
            HttpURLConnection connection = open(url, ADMIN_USER + ":" + ADMIN_PASSWORD, "GET");
            try {
                if (connection.getResponseCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                    return false;                       // the console has not registered the page yet
                }
                Map<String, Object> status = (Map<String, Object>) org.rfcbridge.api.json.JsonText.parse(new String(
                        connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                assertEquals(1L, ((Number) status.get("version")).longValue());
                Map<String, Object> listener = ((List<Map<String, Object>>) status.get("listeners")).get(0);
                Map<String, Object> connections = (Map<String, Object>) listener.get("connections");
                assertTrue(status.toString(), ((List<Map<String, Object>>) status.get("rules")).stream()
                        .anyMatch(r -> r.get("id").equals("tutorial")));
                assertTrue(status.toString(), ((List<Map<String, Object>>) status.get("servers")).stream()
                        .anyMatch(r -> r.get("name").equals("Connection_to_Cloud")));
                assertFalse(((List<?>) status.get("certificates")).isEmpty());
                return ((Number) connections.get("registered")).longValue() == 5;
            } finally {
                connection.disconnect();
            }
        });
        assertEquals("behind the console's login", 401, status(url, null, "GET"));
    }

    @Test
    public void testConnectionAndAddingARuleInChromium() throws Exception {
        Path script = Path.of(System.getProperty("rfcbridge.browser.dir"), "console-test.mjs");
        boolean ready = new File("/usr/bin/chromium").canExecute()
                && Files.isDirectory(script.getParent().resolve("node_modules/playwright-core"));
        String missing = "chromium (/usr/bin/chromium) or the Playwright driver (npm ci in " + script.getParent()
                + ") is missing: ./rfcbridge test installs both";
        if (Boolean.parseBoolean(System.getProperty("rfcbridge.browser.required"))) {
            assertTrue(missing, ready);
        }
        Assume.assumeTrue(missing, ready);

        String plugin = "http://127.0.0.1:" + HTTP_PORT + "/system/console/rfcbridge";
        eventually(Duration.ofSeconds(60), "the plugin page answers the administrator",
                () -> status(plugin, ADMIN_USER + ":" + ADMIN_PASSWORD, "GET") == 200);
        assertEquals("the console's login protects the page", 401, status(plugin, null, "GET"));
        noPasswordInTheStatusPages();
        assertEquals("and its actions", 401, status(plugin, null, "POST"));
        eventually(Duration.ofSeconds(60), "the demo's cloud destination answers a test", () -> {
            for (ServiceReference<RfcDestination> reference : bundleContext.getServiceReferences(RfcDestination.class,
                    "(name=Connection_to_Cloud)")) {
                try {
                    bundleContext.getService(reference).ping();
                    return true;
                } catch (RfcException e) {
                    return false;
                }
            }
            return false;
        });

        String callId = callThroughTheBridge();

        Path screenshots = Path.of(System.getProperty("rfcbridge.screenshots"));
        Files.createDirectories(screenshots);
        Path screenshot = screenshots.resolve("rfcbridge-console.png");
        Path rule = Path.of(System.getProperty("karaf.etc"), "org.rfcbridge.routing.rule-browser.cfg");
        Process browser = new ProcessBuilder("node", script.toString(), "http://127.0.0.1:" + HTTP_PORT, ADMIN_USER,
                ADMIN_PASSWORD, "Connection_to_Cloud", "browser", screenshot.toString(), callId)
                .directory(script.getParent().toFile()).redirectErrorStream(true).start();
        assertTrue("the browser run ends within two minutes", browser.waitFor(2, TimeUnit.MINUTES));
        String output = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("the browser run: " + output, 0, browser.exitValue());
        assertTrue(output, output.contains("Test Connection Connection_to_Cloud: OK"));
        assertTrue("a page of another site cannot post to Karaf's Configuration tab: " + output,
                output.contains("\"crossSitePost\":403"));
        assertTrue("the rule the browser added is a file in etc/", Files.readString(rule).contains("BROWSER_000"));
        assertTrue("the screenshot is kept", Files.size(screenshot) > 10_000);
        Path audit = Path.of(System.getProperty("karaf.data"), "log", "audit.log");
        eventually(Duration.ofSeconds(10), "the audit log names the web console user who disabled the rule", () ->
                Files.readString(audit).lines().anyMatch(line -> line.contains("user=" + ADMIN_USER
                        + " action=config.update pid=org.rfcbridge.routing.rule~browser enabled: true -> false")));
        Files.deleteIfExists(rule);
    }

    @Inject
    BridgeMonitor monitor;

    /** STFC_CONNECTION from the simulated on-prem system through the bridge; the call's id as the bridge knows it. */
    private String callThroughTheBridge() throws Exception {
        SimulatedAbapSystem onPrem = TutorialCaller.create();
        eventually(Duration.ofSeconds(60), "a call passes the bridge", () -> succeeds(() -> {
            onPrem.call("MYDESTINATION_000", SampleFunctions.STFC_CONNECTION.newFunction());
            return null;
        }));
        // the recent calls are kept by the call queue's thread, within a tenth of a second
        eventually(Duration.ofSeconds(10), "the bridge lists the call among the recent calls", () -> monitor
                .recentCalls().stream().anyMatch(c -> c.function().equals("STFC_CONNECTION") && c.ok()));
        return monitor.recentCalls().stream().filter(c -> c.function().equals("STFC_CONNECTION") && c.ok())
                .findFirst().orElseThrow().id();
    }
}
