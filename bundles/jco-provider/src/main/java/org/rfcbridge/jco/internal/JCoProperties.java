package org.rfcbridge.jco.internal;

import java.util.Properties;

import org.rfcbridge.api.ProxyConfiguration;

/**
 * RFC Bridge's settings as JCo's destination and server properties. The property names are JCo's
 * (jco-api.md 3.4 and 3.5, each from two or more public sources), written as literals so that no
 * declared constant's value is inlined.
 */
final class JCoProperties {
    /** JCo accepts a ping period of 0 or 10 to 86,400 s and a pong timeout of 0 or 10 to 3,600 s (BTP docs). */
    private static final int MAX_PING_PERIOD = 86_400;
    private static final int MAX_PONG_TIMEOUT = 3_600;

    private JCoProperties() {
    }

    /**
     * A WebSocket RFC destination: host and port, TLS (trust from our trust store through
     * {@code getSSLContext}), logon, pool, keep-alive and the HTTPS proxy.
     *
     * @throws IllegalArgumentException naming the field and what to enter
     */
    static Properties destination(JCoDestinationConfig config, ProxyConfiguration proxy) {
        String host = config.host() == null ? "" : config.host().trim();
        if (host.isEmpty() || host.contains("://") || host.contains("/") || host.contains(" ")) {
            throw new IllegalArgumentException("field host '" + config.host() + "' must be a host name only, e.g. "
                    + "my1234.api.s4hana.cloud.sap, without https:// or a path");
        }
        if (!"password".equals(config.logon_type())) {
            throw new IllegalArgumentException("field logon.type '" + config.logon_type() + "': the JCo provider "
                    + "supports password logon only; use provider native for client certificates");
        }
        Properties p = new Properties();
        p.setProperty("jco.client.wshost", host);
        p.setProperty("jco.client.wsport", Integer.toString(config.port()));
        p.setProperty("jco.client.use_tls", "1");
        p.setProperty("jco.client.tls_trust_all", "0");
        p.setProperty("jco.client.client", config.client());
        if (config.alias_user().isBlank()) {
            p.setProperty("jco.client.user", config.user());
        } else {
            p.setProperty("jco.client.alias_user", config.alias_user());
        }
        p.setProperty("jco.client.passwd", config.password());
        p.setProperty("jco.client.lang", config.language());
        p.setProperty("jco.destination.pool_capacity", Integer.toString(Math.max(1, config.pool_size())));
        p.setProperty("jco.destination.peak_limit", Integer.toString(Math.max(1, config.pool_size())));
        p.setProperty("jco.destination.ws_ping_period", Integer.toString(keepAlive(config.ping_period(),
                MAX_PING_PERIOD)));
        p.setProperty("jco.destination.ws_pong_timeout", Integer.toString(keepAlive(config.pong_timeout(),
                MAX_PONG_TIMEOUT)));
        if (config.proxy()) {
            if (!proxy.isConfigured()) {
                throw new IllegalArgumentException("field proxy is on but no secure proxy is configured: set host and "
                        + "port in org.rfcbridge.proxy or turn proxy off");
            }
            p.setProperty("jco.client.proxy_host", proxy.host());
            p.setProperty("jco.client.proxy_port", Integer.toString(proxy.port()));
            if (proxy.user() != null && !proxy.user().isEmpty()) {
                p.setProperty("jco.client.proxy_user", proxy.user());
                p.setProperty("jco.client.proxy_passwd", new String(proxy.password()));
            }
        }
        return p;
    }

    /** A registered server program at the on-prem gateway, described by the repository destination. */
    static Properties server(String gatewayHost, String gatewayService, JCoListenerConfig config) {
        Properties p = new Properties();
        p.setProperty("jco.server.gwhost", gatewayHost);
        p.setProperty("jco.server.gwserv", gatewayService);
        p.setProperty("jco.server.progid", config.program_id().trim());
        p.setProperty("jco.server.connection_count", Integer.toString(Math.max(1, config.connections())));
        p.setProperty("jco.server.repository_destination", config.repository());
        return p;
    }

    private static int keepAlive(int seconds, int max) {
        return seconds <= 0 ? 0 : Math.min(max, Math.max(10, seconds));
    }
}
