package org.rfcbridge.webconsole.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

/**
 * Cross-site request forgery protection for the page's POST actions. The web console of Karaf 4.4
 * protects its pages by login only, and a browser sends the basic-authentication credentials with
 * any request to the console, also one a foreign page makes it send; so every form carries a
 * per-session token, and a POST whose token or Origin does not match is refused.
 */
final class CsrfGuard {
    private static final String ATTRIBUTE = "org.rfcbridge.webconsole.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfGuard() {
    }

    /** The session's token, made on first use. */
    static String token(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        synchronized (session) {
            Object token = session.getAttribute(ATTRIBUTE);
            if (token == null) {
                byte[] bytes = new byte[24];
                RANDOM.nextBytes(bytes);
                token = HexFormat.of().formatHex(bytes);
                session.setAttribute(ATTRIBUTE, token);
            }
            return (String) token;
        }
    }

    /** True if the POST carries the session's token and, when the browser says where it comes from, this host. */
    static boolean accepts(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(ATTRIBUTE);
        String given = request.getParameter("csrf");
        if (expected == null || given == null || !MessageDigest.isEqual(expected.toString().getBytes(),
                given.getBytes())) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            return origin == null;
        }
        String host = request.getHeader("Host");
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }
}
