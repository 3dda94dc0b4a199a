package org.rfcbridge.truststore.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.rfcbridge.proxy}: SAP BC's "Settings > Proxy Servers > Secure Proxy (HTTPS)". */
@ObjectClassDefinition(name = "RFC Bridge Secure Proxy (HTTPS)",
        description = "The HTTPS proxy that WebSocket connections to the cloud use when a destination sets proxy=true.")
@interface ProxyConfig {
    @AttributeDefinition(name = "Host", required = false, description = "Proxy host name or address, without http:// or https://.")
    String host() default "";

    @AttributeDefinition(name = "Port", min = "1", max = "65535")
    int port() default 3128;

    @AttributeDefinition(name = "User", required = false, description = "User for basic authentication; empty for none.")
    String user() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "Password for basic authentication. May be $[secret:NAME] or $[env:NAME].")
    String password() default "";
}
