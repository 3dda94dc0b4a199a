package org.rfcbridge.cpic.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Factory PID {@code org.rfcbridge.cpic.server}: SAP BC's "Add SAP Server", connection type CPIC (Connection_to_OP). */
@ObjectClassDefinition(name = "RFC Bridge SAP Server (CPIC)",
        description = "The on-prem SAP system's gateway the listeners register at (SAP BC: Add SAP Server, CPIC).")
@interface CpicServerConfig {
    @AttributeDefinition(name = "Name", description = "The server's name, e.g. Connection_to_OP; listeners name it.")
    String name();

    @AttributeDefinition(name = "Application server", description = "Host of the on-prem application server.")
    String application_server();

    @AttributeDefinition(name = "System number", description = "Two digits, e.g. 00.")
    String system_number() default "00";

    @AttributeDefinition(name = "Gateway host", required = false,
            description = "Host of the gateway; empty: the application server.")
    String gateway_host() default "";

    @AttributeDefinition(name = "Gateway service", required = false,
            description = "Port number or sapgwNN; empty: sapgw<system number>. sapgwNNs (TLS) is not supported yet.")
    String gateway_service() default "";

    /** The Web Console lists factory configurations by this. */
    String webconsole_configurationFactory_nameHint() default "{name} ({application.server} {system.number})";
}
