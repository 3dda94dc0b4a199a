package org.rfcbridge.simulators.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.simulators.cloud.SimulatedCloudSystem;
import org.rfcbridge.simulators.onprem.SimulatedGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's simulated systems inside the bridge: an on-prem SAP gateway (the tutorial's YI3 side;
 * its caller is {@code ./rfcbridge onprem}) and a cloud ABAP system whose CA certificate is written
 * into {@code etc/trust}. Registered as a service so that tests can stop, restart and restrict them.
 * Started only by its configuration, which the assembly ships for the demo.
 */
@Component(name = "org.rfcbridge.simulators.demo", configurationPid = "org.rfcbridge.simulators.demo",
        configurationPolicy = ConfigurationPolicy.REQUIRE, service = DemoSystems.class, immediate = true)
@Designate(ocd = DemoSystemsConfig.class)
public final class DemoSystems {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSystems.class);

    private final DemoSystemsConfig config;
    private final Path caFile;
    private volatile SimulatedGateway gateway;
    private volatile SimulatedCloudSystem cloud;

    @Activate
    public DemoSystems(DemoSystemsConfig config) throws Exception {
        this.config = config;
        this.caFile = Path.of(System.getProperty("karaf.etc", "etc")).resolve(config.ca_file());
        gateway = SimulatedGateway.start(SimulatedGateway.Settings.defaults(config.gateway_port()),
                event -> LOG.debug("gateway: {}", event));
        try {
            startCloud();
        } catch (Exception e) {
            gateway.close();
            throw e;
        }
        LOG.info("Demo: simulated SAP gateway on 127.0.0.1:{}, simulated cloud system {} on wss://localhost:{}{}, "
                + "its CA in {}", gateway.port(), config.cloud_sid(), cloud.port(), SimulatedCloudSystem.PATH, caFile);
    }

    private void startCloud() throws Exception {
        cloud = SimulatedCloudSystem.start(config.cloud_port(), List.of("localhost", "127.0.0.1"), config.cloud_sid(),
                ProtocolLimits.DEFAULT, event -> LOG.debug("{}", event));
        Files.createDirectories(caFile.getParent());
        Files.writeString(caFile, cloud.caPem(), StandardCharsets.US_ASCII);
    }

    /** The simulated on-prem gateway. */
    public SimulatedGateway gateway() {
        return gateway;
    }

    /** The simulated cloud system (a new one after {@link #restartCloud()}). */
    public SimulatedCloudSystem cloud() {
        return cloud;
    }

    /** Stops the cloud system: an outage as the bridge sees it. */
    public void stopCloud() throws IOException {
        cloud.close();
    }

    /** Starts the cloud system again on the same port, with a new certificate from a new CA written to etc/trust. */
    public void restartCloud() throws Exception {
        startCloud();
    }

    @Deactivate
    void deactivate() throws IOException {
        gateway.close();
        cloud.close();
        Files.deleteIfExists(caFile);
    }
}
