package org.rfcbridge.webconsole.internal;

import java.io.IOException;
import java.security.PrivilegedAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.rfcbridge.api.DestinationStatus;
import org.rfcbridge.api.ListenerStatistics;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.RfcListener;
import org.rfcbridge.api.RoutingRules;
import org.rfcbridge.api.TrustService;
import org.rfcbridge.api.TrustedCertificate;
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
        page.raw("<h2>Statistics</h2><table id=\"rfcbridge-stats\" class=\"tablelayout\"></table>")
                .raw("<script>(function(){var t='").text(token).raw("';function load(){var f=new FormData();"
                        + "f.append('csrf',t);f.append('action','stats');fetch(window.location.pathname,{method:'POST',"
                        + "body:new URLSearchParams(f),credentials:'same-origin'}).then(function(r){return r.json();})"
                        + ".then(function(rows){var h='<thead><tr><th>Kind</th><th>Name</th><th>Calls</th><th>Errors"
                        + "</th><th>Busy / peak or sessions</th></tr></thead>';rows.forEach(function(r){h+='<tr><td>'+"
                        + "esc(r.kind)+'</td><td>'+esc(r.name)+'</td><td>'+r.calls+'</td><td>'+r.errors+'</td><td>'+"
                        + "esc(r.load)+'</td></tr>';});document.getElementById('rfcbridge-stats').innerHTML=h;});}"
                        + "function esc(s){return String(s).replace(/[&<>\"']/g,function(c){return '&#'+c.charCodeAt(0)"
                        + "+';';});}load();setInterval(load,2000);})();</script>");
        if (monitor != null) {
            OperationsSection.calls(page, token);
        }
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(page.toString());
    }

    private <T> List<T> services(Class<T> type) {
        List<T> found = new ArrayList<>();
        try {
            for (var reference : context.getServiceReferences(type, null)) {
                T service = context.getService(reference);
                if (service != null) {
                    found.add(service);
                    context.ungetService(reference);
                }
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException("no filter was given", e);
        }
        return found;
    }

    private void servers(Html page, String token) {
        page.raw("<h2>SAP servers</h2><table id=\"rfcbridge-servers\" class=\"tablelayout\">")
                .headers("Name", "Type", "Address", "State", "Sessions", "Calls", "Errors", "Last error", "");
        for (RfcDestination destination : services(RfcDestination.class)) {
            DestinationStatus s = destination.status();
            page.row(s.name(), s.kind(), s.address(), s.state(), s.openSessions() + "/" + s.poolSize(), s.calls(),
                    s.errors(), s.lastError()).raw("<td>").button(token, "Test Connection", "test", "name", s.name())
                    .raw("</td></tr>");
        }
        for (RfcListener l : services(RfcListener.class)) {
            if (!l.server().isEmpty()) {
                page.row(l.server(), "CPIC", l.gateway(), l.name() + " " + l.state(), "", "", "", l.lastError())
                        .raw("<td></td></tr>");
            }
        }
        page.raw("</table>");
    }

    private void listeners(Html page, String token) {
        page.raw("<h2>Listeners</h2><table id=\"rfcbridge-listeners\" class=\"tablelayout\">")
                .headers("Name", "Program ID", "Server", "State", "Connections", "Busy / peak", "Calls", "Errors",
                        "Last error", "");
        for (RfcListener l : services(RfcListener.class)) {
            ListenerStatistics s = l.statistics();
            page.row(l.name(), l.programId(), l.server(), l.state(), l.connections().size(), s.busy() + "/"
                    + s.peakBusy(), s.calls(), s.errors(), l.lastError()).raw("<td>")
                    .button(token, "Start", "listener-start", "name", l.name())
                    .button(token, "Stop", "listener-stop", "name", l.name()).raw("</td></tr>");
        }
        page.raw("</table>");
    }

    private void routes(Html page, String token) {
        page.raw("<h2>Routing rules</h2><p>Tried in ascending order; the first enabled match wins. Each rule is a "
                + "file etc/org.rfcbridge.routing.rule-ID.cfg.</p><table id=\"rfcbridge-routes\" class=\"tablelayout\">")
                .headers("ID", "Order", "Enabled", "Sender", "Receiver", "Function", "Transport", "Destination", "");
        for (RoutingRules.Rule r : rules.list()) {
            page.row(r.id(), r.order(), r.enabled(), r.sender(), r.receiver(), r.function(), r.transport(),
                    r.destination()).raw("<td>")
                    .button(token, r.enabled() ? "Disable" : "Enable", r.enabled() ? "route-disable" : "route-enable",
                            "id", r.id())
                    .button(token, "Up", "route-order", "id", r.id(), "order", Integer.toString(r.order() - 10))
                    .button(token, "Down", "route-order", "id", r.id(), "order", Integer.toString(r.order() + 10))
                    .button(token, "Remove", "route-remove", "id", r.id()).raw("</td></tr>");
        }
        page.raw("</table><h3>Add a routing rule</h3><form method=\"post\" id=\"rfcbridge-add-route\">")
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
        page.raw("<h2>Trusted certificates</h2><table id=\"rfcbridge-trust\" class=\"tablelayout\">")
                .headers("File", "Subject", "Issuer", "Expires", "Days left");
        Instant now = Instant.now();
        for (TrustedCertificate c : trust.certificates()) {
            page.row(c.source(), c.subject(), c.issuer(), c.notAfter(), Duration.between(now, c.notAfter()).toDays())
                    .raw("</tr>");
        }
        page.raw("</table>");
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
            result = Subject.doAs(ConsoleUser.of(request), (PrivilegedAction<String>) () -> perform(action, request));
        } catch (IllegalArgumentException e) {
            result = e.getMessage();
        }
        request.getSession().setAttribute(RESULT, result);
        response.sendRedirect(request.getRequestURI());
    }

    private String perform(String action, HttpServletRequest request) {
        String name = request.getParameter("name");
        String id = request.getParameter("id");
        switch (action) {
            case "test":
                return test(name);
            case "listener-start":
                listener(name).start();
                return "Listener " + name + " started";
            case "listener-stop":
                listener(name).stop();
                return "Listener " + name + " stopped";
            case "route-add":
                rules.add(new RoutingRules.Rule(id, number(request.getParameter("order")), true,
                        request.getParameter("sender"), request.getParameter("receiver"), request.getParameter("function"),
                        "RFC", request.getParameter("destination"), ""));
                return "Routing rule " + id + " added; it takes effect within a second";
            case "route-enable":
            case "route-disable":
                rules.setEnabled(id, action.equals("route-enable"));
                return "Routing rule " + id + (action.equals("route-enable") ? " enabled" : " disabled");
            case "route-order":
                rules.setOrder(id, number(request.getParameter("order")));
                return "Routing rule " + id + " moved to order " + request.getParameter("order");
            case "route-remove":
                rules.remove(id);
                return "Routing rule " + id + " removed";
            case "trust-reload":
                trust.reload();
                return "CA list reloaded: " + trust.certificates().size() + " certificates";
            default:
                throw new IllegalArgumentException("Unknown action " + action);
        }
    }

    private String test(String name) {
        RfcDestination destination = services(RfcDestination.class).stream().filter(d -> d.name().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No destination " + name));
        try {
            Duration elapsed = destination.ping();
            return "Test Connection " + name + ": OK in " + Math.round(elapsed.toNanos() / 1e4) / 100.0
                    + " ms (logon and RFC_PING)";
        } catch (RfcException e) {
            return "Test Connection " + name + " failed: " + e.kind() + ": " + e.getMessage();
        }
    }

    private RfcListener listener(String name) {
        return services(RfcListener.class).stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No listener " + name));
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Order '" + text + "' is not a number");
        }
    }

    private List<Map<String, Object>> statistics() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RfcListener l : services(RfcListener.class)) {
            ListenerStatistics s = l.statistics();
            rows.add(Map.of("kind", "listener", "name", l.name(), "calls", s.calls(), "errors", s.errors(), "load",
                    s.busy() + "/" + s.peakBusy()));
        }
        for (RfcDestination d : services(RfcDestination.class)) {
            DestinationStatus s = d.status();
            rows.add(Map.of("kind", "destination", "name", s.name(), "calls", s.calls(), "errors", s.errors(), "load",
                    s.openSessions() + "/" + s.poolSize()));
        }
        return rows;
    }
}
