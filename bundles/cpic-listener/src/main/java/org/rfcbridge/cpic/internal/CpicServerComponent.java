package org.rfcbridge.cpic.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CPIC server configuration: the name listeners use and the gateway it stands for. An invalid
 * configuration is logged once with its PID and field; listeners naming it then say it is unusable.
 */
@Component(name = "org.rfcbridge.cpic.server", configurationPid = "org.rfcbridge.cpic.server",
        configurationPolicy = ConfigurationPolicy.REQUIRE, service = CpicServerComponent.class, immediate = true)
@Designate(ocd = CpicServerConfig.class, factory = true)
public final class CpicServerComponent {
    private static final Logger LOG = LoggerFactory.getLogger(CpicServerComponent.class);

    private String name;
    private GatewayAddress gateway;
    private String problem;

    @Activate
    void activate(CpicServerConfig config, Map<String, Object> properties) {
        name = config.name() == null ? "" : config.name().trim();
        try {
            gateway = GatewayAddress.of(config.application_server(), config.system_number(), config.gateway_host(),
                    config.gateway_service());
            problem = null;
        } catch (IllegalArgumentException e) {
            gateway = null;
            problem = e.getMessage();
            LOG.warn("CPIC server {} ({}) is unusable: {}", name, properties.get("service.pid"), problem);
        }
    }

    /** The server's name. */
    String name() {
        return name;
    }

    /** The gateway, or {@code null} if the configuration is invalid. */
    GatewayAddress gateway() {
        return gateway;
    }

    /** What is wrong with the configuration, or {@code null}. */
    String problem() {
        return problem;
    }
}
