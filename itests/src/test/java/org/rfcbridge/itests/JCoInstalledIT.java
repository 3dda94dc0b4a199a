package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * {@code ./rfcbridge install-jco} in a real boot. JCo itself cannot be had here, so the launcher installs a
 * stand-in under JCo's file name: our compile-only declarations, whose JCo entry points throw. What this
 * proves: the files the launcher writes (lib/boot/sapjco3.jar, etc/custom.properties) make the system
 * bundle export JCo's packages, the provider bundle wires to them, tries to start JCo, and reports what
 * went wrong in the listings instead of failing silently.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JCoInstalledIT extends RfcBridgeTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    SessionFactory sessionFactory;

    @Inject
    ConfigurationAdmin configurations;

    private final List<String> outputs = new ArrayList<>();

    @Configuration
    public Option[] configuration() throws IOException, InterruptedException {
        Path karaf = Files.createTempDirectory("rfcbridge-install-jco");
        Files.createDirectories(karaf.resolve("etc"));
        Files.copy(Path.of(System.getProperty("rfcbridge.assembly.etc"), "config.properties"),
                karaf.resolve("etc/config.properties"));
        Path download = Files.createDirectories(karaf.resolve("download"));
        Path jar = Files.copy(Path.of(System.getProperty("rfcbridge.jco.standin")), download.resolve("sapjco3.jar"));
        Path library = Files.writeString(download.resolve("libsapjco3.so"), "not a real library");
        Process install = new ProcessBuilder("bash", System.getProperty("rfcbridge.launcher"), "install-jco", "--karaf",
                karaf.toString(), jar.toString(), library.toString()).redirectErrorStream(true).start();
        String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (install.waitFor() != 0) {
            throw new IllegalStateException("./rfcbridge install-jco failed: " + output);
        }
        return OptionUtils.combine(baseConfiguration(),
                replaceConfigurationFile("lib/boot/sapjco3.jar", karaf.resolve("lib/boot/sapjco3.jar").toFile()),
                replaceConfigurationFile("etc/custom.properties", karaf.resolve("etc/custom.properties").toFile()));
    }

    private String execute(String command) throws Exception {
        return console(sessionFactory, command, outputs);
    }

    @Test
    public void theInstalledJarIsExportedByTheFrameworkAndAJCoThatDoesNotStartIsReported() throws Exception {
        Bundle provider = jcoProviderBundle();
        for (String jcoPackage : List.of("com.sap.conn.jco", "com.sap.conn.jco.ext", "com.sap.conn.jco.server")) {
            BundleWire wire = provider.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package").stream()
                    .filter(w -> jcoPackage.equals(w.getCapability().getAttributes().get("osgi.wiring.package")))
                    .findFirst().orElseThrow(() -> new AssertionError("the provider imports " + jcoPackage));
            assertEquals(jcoPackage + " comes from the system bundle (lib/boot)", 0,
                    wire.getProvider().getBundle().getBundleId());
        }

        addJCoListener(configurations, "Connection_to_Cloud");
        eventually(WAIT, "rfc:listener-list shows the JCo listener", () -> shows(() -> execute("rfc:listener-list"),
                "Listener_via_JCo"));
        String listeners = execute("rfc:listener-list");
        assertTrue(listeners, listeners.contains("SAP JCo does not start")
                && listeners.contains("UnsupportedOperationException"));
        assertTrue("the native listener is untouched: " + listeners, listeners.contains("5/5"));
    }
}
