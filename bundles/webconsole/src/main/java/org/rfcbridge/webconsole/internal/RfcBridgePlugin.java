package org.rfcbridge.webconsole.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedAction;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.security.auth.Subject;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.rfcbridge.api.BridgeMonitor;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcListener;
import org.rfcbridge.api.RoutingRules;
import org.rfcbridge.api.TrustService;
import org.rfcbridge.api.status.LiveServices;
import org.rfcbridge.api.status.StatusRows;
import org.rfcbridge.api.json.JsonText;

/**
 * The "RFC Bridge" page of the Felix Web Console: SAP servers with SAP BC's Test Connection, listeners
 * with start and stop, routing rules (add, enable, disable, order, remove), trusted certificates with
 * expiry and reload, and statistics that refresh themselves. The page is markup and a script of this bundle
 * ({@code res/rfcbridge.html}, {@code res/ui/rfcbridge.js}) that draws it from {@code status.json}, the rows the
 * console's listings print ({@code StatusRows}); the servlet answers the JSON and the actions
 * ({@link RfcBridgeActions}). The console draws its frame around GET requests and requires its login for
 * everything; POST requests come here directly: they must carry
 * the session's CSRF token, do one action and redirect back (so a reload never repeats it), leaving
 * the result for the next page in the session. Settings are edited on the console's Configuration
 * tab, which the metatype of each configuration describes. With the monitoring bundle, the page also shows
 * the health checks, the recent calls, latency per function and the last errors ({@link OperationsSection}).
 */
@Component(service = Servlet.class, property = {"felix.webconsole.label=" + RfcBridgePlugin.LABEL,
    "felix.webconsole.title=RFC Bridge", "felix.webconsole.category=RFC Bridge"})
public final class RfcBridgePlugin extends HttpServlet {
    static final String LABEL = "rfcbridge";
    private static final long serialVersionUID = 1L;
    private static final String RESULT = "org.rfcbridge.webconsole.result";
    /** The page's markup from this bundle's res/, read once. */
    private static final String MARKUP = resource("rfcbridge.html");
    private static final String OPERATIONS_MARKUP = resource("rfcbridge-operations.html");

    private final transient BundleContext context;
    private final transient TrustService trust;
    private final transient RoutingRules rules;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile BridgeMonitor monitor;

    @Activate
    public RfcBridgePlugin(BundleContext context, @Reference TrustService trust, @Reference RoutingRules rules) {
        this.context = context;
        this.trust = trust;
        this.rules = rules;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getRequestURI().endsWith("/" + LABEL + "/" + STATUS_JSON)) {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(JsonText.writePretty(status()));
            return;
        }
        String token = CsrfGuard.token(request);
        Html page = new Html();
        Object result = request.getSession().getAttribute(RESULT);
        if (result != null) {
            request.getSession().removeAttribute(RESULT);
            page.raw("<p id=\"rfcbridge-result\" class=\"statline\">").text(result).raw("</p>");
        }
        // the page is its markup and script (this bundle's res/, served by getResource), drawn from status.json
        page.raw("<div id=\"rfcbridge\" data-csrf=\"").text(token).raw("\"></div>");
        page.raw(MARKUP);
        if (monitor != null) {
            page.raw(OPERATIONS_MARKUP);
        }
        page.raw("<script src=\"").text(appRoot(request) + "/" + LABEL + "/res/ui/rfcbridge.js").raw("\"></script>");
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(page.toString());
    }

    private <T> List<T> services(Class<T> type) {
        return LiveServices.list(context, type);
    }

    private static String resource(String name) {
        try (InputStream markup = RfcBridgePlugin.class.getResourceAsStream("/res/" + name)) {
            return new String(markup.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundle lacks res/" + name, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!CsrfGuard.accepts(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "missing or wrong CSRF token: reload the page");
            return;
        }
        String action = String.valueOf(request.getParameter("action"));
        if (action.equals("stats") || action.equals("operations")) {
            BridgeMonitor current = monitor;
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(JsonText.write(action.equals("stats") ? statistics() : current == null ? Map.of()
                    : OperationsSection.json(current)));
            return;
        }
        String result;
        try {
            // as the console user, so that the audit log names who changed a rule or stopped a listener
            result = Subject.doAs(ConsoleUser.of(request), (PrivilegedAction<String>) () -> new RfcBridgeActions(
                    context, trust, rules).perform(action, request::getParameter));
        } catch (IllegalArgumentException e) {
            result = e.getMessage();
        }
        request.getSession().setAttribute(RESULT, result);
        response.sendRedirect(request.getRequestURI());
    }

    /** Where the console is ({@code /system/console} by default), as the console tells its plugins. */
    private static String appRoot(HttpServletRequest request) {
        Object root = request.getAttribute("felix.webconsole.appRoot");
        return root != null ? root.toString() : request.getContextPath() + "/system/console";
    }

    /**
     * The page's script and markup in this bundle's {@code res/}, which the Felix Web Console serves for a plugin
     * that has this method (as its own plugins do): {@code /system/console/rfcbridge/res/...}.
     */
    public URL getResource(String path) {
        String prefix = "/" + LABEL + "/res/";
        return path != null && path.startsWith(prefix) && !path.contains("..")
                ? getClass().getResource("/res/" + path.substring(prefix.length())) : null;
    }

    /**
     * The page's status for scripts, at {@code /system/console/rfcbridge/status.json} (behind the console's login, as
     * the page): the rows the page shows, as the console's {@code --json} prints them (docs/json.md).
     */
    static final String STATUS_JSON = "status.json";

    private Map<String, Object> status() {
        List<RfcListener> listeners = services(RfcListener.class);
        List<RfcDestination> destinations = services(RfcDestination.class);
        Map<String, Object> status = new java.util.LinkedHashMap<>();
        status.put("command", "/system/console/" + LABEL + "/" + STATUS_JSON);
        status.put("version", 1);
        status.put("servers", json(StatusRows.servers(listeners, destinations)));
        status.put("listeners", json(StatusRows.listeners(listeners)));
        status.put("rules", json(StatusRows.rules(rules)));
        status.put("certificates", json(StatusRows.certificates(trust, Instant.now())));
        status.put("trustProblems", trust.problems());
        status.put("trustAll", trust.trustsAll());
        status.put("counters", json(StatusRows.counters(listeners, destinations)));
        return status;
    }

    private static List<Map<String, Object>> json(List<Map<String, Object>> rows) {
        return rows.stream().map(StatusRows::forJson).toList();
    }

    private List<Map<String, Object>> statistics() {
        return json(StatusRows.counters(services(RfcListener.class), services(RfcDestination.class)));
    }
}
