package org.rfcbridge.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Into an existing Karaf with the features repository: {@code feature:repo-add} and
 * {@code feature:install rfcbridge} on a stock Karaf 4.4.10 whose Maven resolution knows a site
 * repository holding the bridge (here the assembly's {@code system/} folder), then configuration by
 * dropping a {@code .cfg} file into {@code etc/}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StockKarafFeatureIT extends StockKarafSupport {
    @Configuration
    public Option[] configuration() {
        // Karaf's own default repositories, then the site's
        String repositories = "file:${karaf.home}/${karaf.default.repository}@id=system.repository@snapshots,"
                + "file:${karaf.data}/kar@id=kar.repository@multi@snapshots,"
                + "file:${karaf.base}/${karaf.default.repository}@id=child.system.repository@snapshots,"
                + "file:" + System.getProperty("rfcbridge.repository") + "@id=site@snapshots";
        return OptionUtils.combine(stockKaraf("rfcbridge.version"), editConfigurationFilePut(
                "etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories", repositories));
    }

    @Test
    public void featureRepoAddAndFeatureInstallBringTheBridgeUp() throws Exception {
        eventually(Duration.ofSeconds(60), "Karaf's feature commands are there", () -> {
            try {
                execute("feature:list -i");
                return true;
            } catch (Exception e) {
                return false;
            }
        });
        execute("feature:repo-add mvn:org.rfcbridge/rfcbridge-features/" + System.getProperty("rfcbridge.version")
                + "/xml/features");
        execute("feature:install rfcbridge");
        coreBundlesActive();
        assertFalse("the simulators are not installed: " + bridgeBundles(),
                bridgeBundles().contains("org.rfcbridge.simulators"));

        Path config = Path.of(System.getProperty("karaf.etc")).resolve("org.rfcbridge.wsrfc.destination-site.cfg");
        Files.writeString(config, "name = Site_Cloud\nhost = my123456-api.s4hana.cloud.sap\nport = 443\n"
                + "alias.user = BC_USER000\npassword = not-shown\n", StandardCharsets.UTF_8);
        eventually(Duration.ofSeconds(30), "the dropped destination file is a destination", () -> {
            String servers = execute("rfc:server-list");
            return servers.contains("Site_Cloud") && servers.contains("wss://my123456-api.s4hana.cloud.sap:443");
        });
        assertFalse(execute("rfc:server-list --json").contains("not-shown"));
        assertTrue(execute("rfc:route-list").contains("no routing rules"));
    }
}
