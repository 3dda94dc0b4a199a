package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
import org.rfcbridge.api.data.Function;
import org.rfcbridge.simulators.onprem.SimulatedAbapSystem;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * The demo assembly on Eclipse Equinox instead of Apache Felix (issue 22: "for Eclipse/Karaf"): with
 * {@code karaf.framework=equinox} in {@code etc/config.properties} every RFC Bridge bundle is ACTIVE, SM59's
 * connection test succeeds and STFC_CONNECTION reaches the simulated cloud.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EquinoxIT extends RfcBridgeTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    BundleContext bundleContext;

    @Configuration
    public Option[] configuration() {
        List<Option> options = new ArrayList<>(Arrays.asList(baseConfiguration()));
        options.add(editConfigurationFilePut("etc/config.properties", "karaf.framework", "equinox"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void theTutorialRunsOnEquinox() throws Exception {
        assertEquals("the framework is Equinox", "org.eclipse.osgi", bundleContext.getBundle(0).getSymbolicName());
        for (String name : AssemblyIT.EXPECTED_BUNDLES) {
            eventually(WAIT, name + " is ACTIVE", () -> Arrays.stream(bundleContext.getBundles()).anyMatch(
                    b -> b.getSymbolicName().equals(name) && b.getState() == Bundle.ACTIVE));
        }
        SimulatedAbapSystem onPrem = TutorialCaller.create();
        eventually(WAIT, "SM59's connection test of MYDESTINATION_000 succeeds", () -> succeeds(() ->
                onPrem.connectionTest("MYDESTINATION_000")));
        eventually(WAIT, "a call reaches the cloud", () -> succeeds(() -> {
            Function call = SampleFunctions.STFC_CONNECTION.newFunction();
            call.imports().setValue("REQUTEXT", "on Equinox");
            onPrem.call("MYDESTINATION_000", call);
            assertEquals("on Equinox", call.exports().getString("ECHOTEXT"));
            assertTrue(call.exports().getString("RESPTEXT"), call.exports().getString("RESPTEXT").contains("CLD"));
            return call;
        }));
    }
}
