package org.rfcbridge.itests;

import static org.junit.Assert.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Into an existing Karaf by hot deployment: the KAR that {@code features/} builds, dropped into a
 * stock Karaf 4.4.10's {@code deploy/} folder, installs the bridge (the features not marked manual),
 * with every bundle taken from the KAR itself.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StockKarafKarIT extends StockKarafSupport {
    @Configuration
    public Option[] configuration() {
        return stockKaraf("rfcbridge.kar");
    }

    @Test
    public void aKarInDeployInstallsTheBridge() throws Exception {
        Path kar = Path.of(System.getProperty("rfcbridge.kar"));
        Path deploy = Path.of(System.getProperty("karaf.base")).resolve("deploy");
        Files.copy(kar, deploy.resolve(kar.getFileName()));
        coreBundlesActive();
        eventually(Duration.ofSeconds(120), "features rfcbridge and rfcbridge-webconsole are installed", () -> {
            String installed = execute("feature:list -i");
            return installed.contains("rfcbridge ") && installed.contains("rfcbridge-webconsole");
        });
        assertFalse("the simulators are not installed (install=manual): " + bridgeBundles(),
                bridgeBundles().contains("org.rfcbridge.simulators"));
    }
}
