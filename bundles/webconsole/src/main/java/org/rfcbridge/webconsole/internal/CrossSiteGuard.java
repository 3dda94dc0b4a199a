package org.rfcbridge.webconsole.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.felix.webconsole.WebConsoleSecurityProvider;
import org.apache.felix.webconsole.WebConsoleSecurityProvider2;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cross-site request forgery protection for the whole web console, Karaf's own pages included: its
 * Configuration tab accepted a cross-site POST, so a page the administrator visited could switch settings.
 * The Web Console asks its highest-ranked security provider about every request; this one refuses a
 * state-changing request whose Origin, or else Referer, names another site, and leaves everything else to
 * Karaf's own provider (JAAS logon). Browsers send Origin with every cross-site POST; tools that send neither
 * header are not affected. The RFC Bridge page also checks its per-session token ({@link CsrfGuard}).
 */
@Component(service = {WebConsoleSecurityProvider.class, WebConsoleSecurityProvider2.class},
        property = "service.ranking:Integer=1000")
public final class CrossSiteGuard implements WebConsoleSecurityProvider2 {
    private static final Logger LOG = LoggerFactory.getLogger(CrossSiteGuard.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private final WebConsoleSecurityProvider2 karaf;

    /** @param karaf Karaf's provider (JAAS realm {@code karaf}), which does the logon */
    @Activate
    public CrossSiteGuard(@Reference(target = "(service.pid=org.apache.karaf.webconsole)")
                          WebConsoleSecurityProvider2 karaf) {
        this.karaf = karaf;
    }

    @Override
    public boolean authenticate(HttpServletRequest request, HttpServletResponse response) {
        if (!SAFE_METHODS.contains(request.getMethod()) && !sameSite(request)) {
            LOG.warn("Web console: refused a {} to {} from another site (Origin {}, Referer {})", request.getMethod(),
                    request.getRequestURI(), request.getHeader("Origin"), request.getHeader("Referer"));
            try {
                response.sendError(HttpServletResponse.SC_FORBIDDEN,
                        "refused: this request comes from another site (cross-site request forgery protection)");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return false;
        }
        return karaf.authenticate(request, response);
    }

    @Override
    public Object authenticate(String user, String password) {
        return karaf.authenticate(user, password);
    }

    @Override
    public boolean authorize(Object user, String role) {
        return karaf.authorize(user, role);
    }

    /** True unless the browser says the request comes from another site (Origin first, else Referer). */
    static boolean sameSite(HttpServletRequest request) {
        String host = request.getHeader("Host");
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
        }
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return true;
        }
        try {
            String authority = URI.create(referer).getRawAuthority();
            return host != null && host.equals(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
