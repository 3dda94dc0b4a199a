package org.rfcbridge.webconsole.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.HttpContext;
import org.osgi.service.http.HttpService;
import org.osgi.service.http.NamespaceException;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.rfcbridge.api.BridgeMonitor;

/**
 * The bridge's metrics in the Prometheus text format at {@code /metrics} on the web console's HTTP port, behind
 * the web console's login (HTTP Basic against the same JAAS realm and role), for a Prometheus scrape job with
 * {@code basic_auth}.
 */
@Component(service = {}, configurationPid = MetricsServlet.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MetricsServlet.Config.class)
public final class MetricsServlet extends HttpServlet implements HttpContext {
    static final String PID = "org.rfcbridge.metrics";
    private static final long serialVersionUID = 1L;
    /** Prometheus' text exposition format, version 0.0.4. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Where and for whom. */
    @ObjectClassDefinition(name = "RFC Bridge metrics endpoint", description = "Prometheus text at /metrics")
    @interface Config {
        @AttributeDefinition(name = "Path", description = "The servlet's path on the web console's HTTP port")
        String path() default "/metrics";

        @AttributeDefinition(name = "JAAS realm", description = "The realm the credentials are checked in (the web "
                + "console's: karaf)")
        String realm() default "karaf";

        @AttributeDefinition(name = "Role", description = "The role a user must hold (the web console's: admin)")
        String role() default "admin";
    }

    private final transient HttpService http;
    private final transient BridgeMonitor monitor;
    private final transient ConsoleLogin login;
    private final String path;

    @Activate
    public MetricsServlet(@Reference HttpService http, @Reference BridgeMonitor monitor, Config config)
            throws ServletException, NamespaceException {
        this.http = http;
        this.monitor = monitor;
        this.login = new ConsoleLogin(config.realm(), config.role());
        this.path = config.path();
        http.registerServlet(path, this, null, this);
    }

    @Deactivate
    void deactivate() {
        http.unregister(path);
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (login.authenticate(request) != null) {
            return true;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"RFC Bridge\", charset=\"UTF-8\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "log on as the web console's administrator");
        return false;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // written whole, then sent: a scrape reads the counters once, without holding anything a call waits for
        StringWriter text = new StringWriter(16384);
        monitor.writePrometheus(text);
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        response.setContentType(CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    public URL getResource(String name) {
        return null;
    }

    @Override
    public String getMimeType(String name) {
        return null;
    }
}
