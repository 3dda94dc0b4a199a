package org.rfcbridge.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The release distribution as a site unpacks it (issue 20): the bridge without the simulators and without a
 * configuration (the tutorial's as examples in {@code etc/examples/}, not read), a heap limit in
 * {@code bin/setenv}. (Its logon and {@code bin/rfcbridge}: {@code ReleaseStartIT}.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReleaseIT extends RfcBridgeTestSupport {
    @Inject
    BundleContext bundleContext;

    @Configuration
    public Option[] configuration() {
        return karafConfiguration(archive("rfcbridge.release", "build release first (mvn -B verify from the project "
                + "root does)"), "RFC Bridge release");
    }

    private static Path home() {
        return Path.of(System.getProperty("karaf.home"));
    }

    @Test
    public void theBridgeWithoutSimulatorsOrConfiguration() throws Exception {
        Bundle[] bundles = bundleContext.getBundles();
        assertTrue("the bridge is there", Arrays.stream(bundles).anyMatch(b -> "org.rfcbridge.monitoring".equals(
                b.getSymbolicName()) && b.getState() == Bundle.ACTIVE));
        assertFalse("no simulators", Arrays.stream(bundles).anyMatch(b -> "org.rfcbridge.simulators".equals(
                b.getSymbolicName())));
        Path etc = Path.of(System.getProperty("karaf.etc"));
        try (var files = Files.list(etc)) {
            assertFalse("no bridge configuration until the site writes one", files.anyMatch(f -> f.getFileName()
                    .toString().matches("org\\.rfcbridge\\.(cpic|wsrfc|routing)\\..*\\.cfg")));
        }
        assertTrue("the tutorial's as examples", Files.readString(etc.resolve(
                "examples/org.rfcbridge.wsrfc.destination-Connection_to_Cloud.cfg")).contains("$[secret:cloud-password]"));
        assertTrue("a heap limit", Files.readString(home().resolve("bin/setenv")).contains("JAVA_MAX_MEM"));
    }
}
