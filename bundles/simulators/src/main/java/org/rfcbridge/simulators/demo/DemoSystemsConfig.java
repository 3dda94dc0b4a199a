package org.rfcbridge.simulators.demo;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.rfcbridge.simulators.demo}: the simulated systems of the demo. Never in production. */
@ObjectClassDefinition(name = "RFC Bridge demo: simulated SAP systems",
        description = "Starts a simulated on-prem SAP gateway and a simulated cloud ABAP system on 127.0.0.1 for the "
                + "demo and tests. Delete this configuration when the bridge talks to real systems.")
@interface DemoSystemsConfig {
    @AttributeDefinition(name = "Gateway port", description = "The simulated gateway's port: 3300 is sapgw00.")
    int gateway_port() default 3300;

    @AttributeDefinition(name = "Cloud port", description = "The simulated cloud system's HTTPS port.")
    int cloud_port() default 44300;

    @AttributeDefinition(name = "Cloud system ID")
    String cloud_sid() default "CLD";

    @AttributeDefinition(name = "CA file", description = "Where the cloud's CA certificate is written, relative to "
            + "the Karaf etc directory: the trust store reads etc/trust.")
    String ca_file() default "trust/simulated-cloud-ca.pem";
}
