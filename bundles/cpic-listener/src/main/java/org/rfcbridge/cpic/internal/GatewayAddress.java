package org.rfcbridge.cpic.internal;

import java.util.Locale;

import org.rfcbridge.api.ExampleValues;

/**
 * Where a gateway listens: host and port from SAP's settings. {@code sapgwNN} is port 3300 + NN;
 * {@code sapgwNNs} (the TLS port 4800 + NN) is refused until TLS to the gateway exists.
 *
 * @param host the gateway host
 * @param port the gateway port
 */
record GatewayAddress(String host, int port) {
    /**
     * Resolves the settings of a CPIC server.
     *
     * @throws IllegalArgumentException naming the field and what to enter
     */
    static GatewayAddress of(String applicationServer, String systemNumber, String gatewayHost, String gatewayService) {
        ExampleValues.refusePlaceholder("application.server", applicationServer);
        ExampleValues.refusePlaceholder("gateway.host", gatewayHost);
        String server = applicationServer == null ? "" : applicationServer.trim();
        String host = gatewayHost == null || gatewayHost.isBlank() ? server : gatewayHost.trim();
        if (host.isEmpty()) {
            throw new IllegalArgumentException("field application.server is empty: enter the on-prem application server's host");
        }
        if (host.contains("://") || host.contains("/")) {
            throw new IllegalArgumentException("field gateway.host '" + host + "' must be a host name only, without a scheme or path");
        }
        String number = systemNumber == null ? "" : systemNumber.trim();
        if (!number.matches("\\d{2}")) {
            throw new IllegalArgumentException("field system.number '" + systemNumber + "' must be two digits, e.g. 00");
        }
        String service = gatewayService == null || gatewayService.isBlank() ? "sapgw" + number
                : gatewayService.trim().toLowerCase(Locale.ROOT);
        int port;
        if (service.matches("\\d{1,5}")) {
            port = Integer.parseInt(service);
        } else if (service.matches("sapgw\\d{2}")) {
            port = 3300 + Integer.parseInt(service.substring(5));
        } else if (service.matches("sapgw\\d{2}s")) {
            throw new IllegalArgumentException("field gateway.service '" + gatewayService + "' is the TLS gateway port, "
                    + "which RFC Bridge does not support yet; use sapgw" + service.substring(5, 7) + " (port "
                    + (3300 + Integer.parseInt(service.substring(5, 7))) + ")");
        } else {
            throw new IllegalArgumentException("field gateway.service '" + gatewayService + "' is neither a port number "
                    + "nor sapgwNN");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("field gateway.service: port " + port + " is out of range");
        }
        return new GatewayAddress(host, port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
