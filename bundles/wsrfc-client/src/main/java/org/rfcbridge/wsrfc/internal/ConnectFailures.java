package org.rfcbridge.wsrfc.internal;

import java.net.ConnectException;
import java.security.cert.CertificateExpiredException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.rfcbridge.api.CommunicationFailureException;

/**
 * Why a WebSocket to a destination could not be opened, in words an administrator can act on: refused or
 * unreachable, the proxy's answer, an HTTP status instead of the upgrade, a certificate or TLS problem, a timeout.
 */
final class ConnectFailures {
    private ConnectFailures() {
    }

    /** The failure to connect to the destination as COMMUNICATION_FAILURE naming where and why. */
    static CommunicationFailureException of(WsRfcSettings settings, WebSocketClient client, Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String proxy = client.getHttpClient().getProxyConfiguration().getProxies().stream()
                .map(p -> "proxy " + p.getAddress().getHost() + ":" + p.getAddress().getPort()).findFirst().orElse(null);
        String where = "destination " + settings.name() + " (" + settings.url() + (proxy == null ? "" : " through "
                + proxy) + ")";
        for (Throwable t = cause; t != null && proxy != null; t = t.getCause()) {
            if (t instanceof HttpResponseException refused && refused.getResponse() != null) {
                int status = refused.getResponse().getStatus();
                return new CommunicationFailureException(where + ": the " + proxy + " answered CONNECT with HTTP status "
                        + status + (status == 407 ? ": it refused the proxy user or password of org.rfcbridge.proxy"
                        : ""), cause);
            }
        }
        if (cause instanceof TimeoutException) {
            return new CommunicationFailureException("Timeout: " + where + " did not accept the connection within "
                    + settings.connectTimeout().toMillis() + " ms", cause);
        }
        if (cause instanceof UpgradeException upgrade) {
            return new CommunicationFailureException(where + " answered the WebSocket upgrade with HTTP status "
                    + upgrade.getResponseStatusCode() + " instead of 101; check host, port and path " + settings.path(), cause);
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException || t instanceof java.security.cert.CertificateException) {
                return new CommunicationFailureException(where + ": TLS failed: " + certificateProblem(cause, settings), cause);
            }
            if (t instanceof ConnectException) {
                return new CommunicationFailureException(where + ": connection refused or unreachable: " + t.getMessage(),
                        cause);
            }
            if (t instanceof java.io.EOFException || t instanceof java.nio.channels.ClosedChannelException) {
                // e.g. a kept HTTP connection the server closed when it stopped; the next attempt opens a new one
                // or a server that ends the TLS handshake with an alert Jetty does not always pass on
                return new CommunicationFailureException(where + ": the server closed the connection during the TLS "
                        + "handshake or the WebSocket upgrade: stopped or restarting, or it offers only TLS 1.0/1.1 or no "
                        + "common cipher suite (RFC Bridge requires TLS 1.2 or 1.3)", cause);
            }
        }
        return new CommunicationFailureException(where + ": cannot connect: " + cause, cause);
    }

    /** What is wrong with the server's certificate or TLS, in words an administrator can act on. */
    static String certificateProblem(Throwable failure, WsRfcSettings settings) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("protocol_version") || message.contains("No appropriate protocol")) {
                return "the server offers only a TLS version older than 1.2 (" + message + "); RFC Bridge requires "
                        + "TLS 1.2 or 1.3";
            }
            if (message.contains("handshake_failure") || message.contains("insufficient_security")
                    || message.contains("no cipher suites in common")) {
                return "the server and RFC Bridge share no TLS cipher suite (" + message + "); RFC Bridge requires "
                        + "TLS 1.2 or 1.3 with the JDK's current cipher suites";
            }
            if (t instanceof CertificateExpiredException || message.contains("validity check failed")
                    || message.contains("expired")) {
                return "the server certificate has expired";
            }
            if (message.contains("No name matching") || message.contains("No subject alternative")) {
                return "the server certificate is not issued for host " + settings.host();
            }
            if (message.contains("no trusted CA certificates are installed")) {
                return message;
            }
            if (message.contains("unable to find valid certification path") || message.contains("PKIX path")) {
                return "the server certificate is not signed by a trusted CA: add its CA certificate to etc/trust";
            }
        }
        return String.valueOf(failure.getMessage());
    }

}
