package org.rfcbridge.webconsole.internal;

import java.io.IOException;
import java.net.URL;
import java.security.PrivilegedAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

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
import org.rfcbridge.protocol.json.Json;

/**
 * The "RFC Bridge" page of the Felix Web Console: SAP servers with SAP BC's Test Connection, listeners
 * with start and stop, routing rules (add, enable, disable, order, remove), trusted certificates with
 * expiry and reload, and statistics that refresh themselves. The console draws its frame around GET
 * requests and requires its login for everything; POST requests come here directly: they must carry
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
            response.getWriter().write(Json.writePretty(status()));
            return;
        }
        String token = CsrfGuard.token(request);
        Html page = new Html();
        Object result = request.getSession().getAttribute(RESULT);
        if (result != null) {
            request.getSession().removeAttribute(RESULT);
            page.raw("<p id=\"rfcbridge-result\" class=\"statline\">").text(result).raw("</p>");
        }
        if (monitor != null) {
            OperationsSection.health(page);
        }
        servers(page, token);
        listeners(page, token);
        routes(page, token);
        certificates(page, token);
        page.raw("<h2>Statistics</h2><table id=\"rfcbridge-stats\" class=\"tablelayout\"></table>");
        if (monitor != null) {
            OperationsSection.calls(page);
        }
        // the script that fills the tables above, from this bundle's res/ (served by getResource)
        page.raw("<div id=\"rfcbridge\" data-csrf=\"").text(token).raw("\"></div><script src=\"")
                .text(appRoot(request) + "/" + LABEL + "/res/ui/rfcbridge.js")
                .raw("\"></script>");
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(page.toString());
    }

    private <T> List<T> services(Class<T> type) {
        return LiveServices.list(context, type);
    }

    /** What the page calls the keys of the status rows (StatusRows), in one place. */
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("name", "Name"),
            Map.entry("type", "Type"), Map.entry("address", "Address"), Map.entry("state", "State"),
            Map.entry("sessions", "Sessions"), Map.entry("calls", "Calls"), Map.entry("errors", "Errors"),
            Map.entry("lastError", "Last error"), Map.entry("programId", "Program ID"), Map.entry("server", "Server"),
            Map.entry("connections", "Connections"), Map.entry("busy", "Busy / peak"), Map.entry("id", "ID"),
            Map.entry("order", "Order"), Map.entry("enabled", "Enabled"), Map.entry("sender", "Sender"),
            Map.entry("receiver", "Receiver"), Map.entry("function", "Function"), Map.entry("transport", "Transport"),
            Map.entry("destination", "Destination"), Map.entry("functionsAllowed", "Functions allowed"),
            Map.entry("source", "File"), Map.entry("subject", "Subject"), Map.entry("issuer", "Issuer"),
            Map.entry("notAfter", "Expires"), Map.entry("daysLeft", "Days left"), Map.entry("sha256", "SHA-256"));

    /**
     * A table of status rows, as the console shows them: a column per key, nothing as an empty cell, and last the
     * buttons of each row.
     */
    private static void table(Html page, String id, List<Map<String, Object>> rows, List<String> keys,
                              BiConsumer<Html, Map<String, Object>> buttons) {
        page.raw("<table id=\"").text(id).raw("\" class=\"tablelayout\">");
        List<String> headers = new ArrayList<>(keys.stream().map(LABELS::get).toList());
        headers.add("");
        page.headers(headers.toArray(new String[0]));
        for (Map<String, Object> row : rows) {
            page.row(keys.stream().map(k -> row.get(k) == null ? "" : row.get(k)).toArray()).raw("<td>");
            buttons.accept(page, row);
            page.raw("</td></tr>");
        }
        page.raw("</table>");
    }

    private void servers(Html page, String token) {
        page.raw("<h2>SAP servers</h2>");
        table(page, "rfcbridge-servers", StatusRows.servers(services(RfcListener.class), services(RfcDestination.class)),
                StatusRows.SERVER_KEYS, (html, row) -> {
                    if (!"CPIC".equals(row.get("type"))) {
                        html.button(token, "Test Connection", "test", "name", String.valueOf(row.get("name")));
                    }
                });
    }

    private void listeners(Html page, String token) {
        page.raw("<h2>Listeners</h2>");
        table(page, "rfcbridge-listeners", StatusRows.listeners(services(RfcListener.class)), StatusRows.LISTENER_KEYS,
                (html, row) -> html.button(token, "Start", "listener-start", "name", String.valueOf(row.get("name")))
                        .button(token, "Stop", "listener-stop", "name", String.valueOf(row.get("name"))));
    }

    private void routes(Html page, String token) {
        page.raw("<h2>Routing rules</h2><p>Tried in ascending order; the first enabled match wins. Each rule is a "
                + "file etc/org.rfcbridge.routing.rule-ID.cfg.</p>");
        table(page, "rfcbridge-routes", StatusRows.rules(rules), StatusRows.RULE_KEYS, (html, row) -> {
            String id = String.valueOf(row.get("id"));
            boolean enabled = Boolean.TRUE.equals(row.get("enabled"));
            int order = ((Number) row.get("order")).intValue();
            html.button(token, enabled ? "Disable" : "Enable", enabled ? "route-disable" : "route-enable", "id", id)
                    .button(token, "Up", "route-order", "id", id, "order", Integer.toString(order - 10))
                    .button(token, "Down", "route-order", "id", id, "order", Integer.toString(order + 10))
                    .button(token, "Remove", "route-remove", "id", id);
        });
        page.raw("<h3>Add a routing rule</h3><form method=\"post\" id=\"rfcbridge-add-route\">")
                .raw("<input type=\"hidden\" name=\"csrf\" value=\"").text(token).raw("\">")
                .raw("<input type=\"hidden\" name=\"action\" value=\"route-add\">");
        for (String[] field : new String[][] {{"id", "ID", ""}, {"sender", "Sender (SID + client)", "YI3000"},
            {"receiver", "Receiver (SM59 destination)", "MYDESTINATION_000"}, {"function", "Function", "*"},
            {"destination", "Destination", "Connection_to_Cloud"}, {"order", "Order", "100"}}) {
            page.raw("<label>").text(field[1]).raw(" <input name=\"").text(field[0]).raw("\" value=\"").text(field[2])
                    .raw("\"></label> ");
        }
        page.raw("<button type=\"submit\" class=\"ui-button\">Add rule</button></form>");
    }

    private void certificates(Html page, String token) {
        page.raw("<h2>Trusted certificates</h2>");
        table(page, "rfcbridge-trust", StatusRows.certificates(trust, Instant.now()), StatusRows.CERTIFICATE_KEYS,
                (html, row) -> { });
        for (String problem : trust.problems()) {
            page.raw("<p class=\"ui-state-error\">Not used: ").text(problem).raw("</p>");
        }
        if (trust.trustsAll()) {
            page.raw("<p class=\"ui-state-error\">trust.all is on: every certificate is accepted (tests only)</p>");
        }
        page.button(token, "Reload CA list", "trust-reload");
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
            response.getWriter().write(Json.write(action.equals("stats") ? statistics() : current == null ? Map.of()
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
