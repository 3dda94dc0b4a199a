package org.rfcbridge.webconsole.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.servlet.http.HttpServletRequest;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;

/**
 * HTTP Basic authentication against a Karaf JAAS realm with a required role: the login of the Felix Web Console
 * in Karaf (realm {@code karaf}, role {@code admin}), for endpoints outside the console such as {@code /metrics}.
 */
final class ConsoleLogin {
    private static final String BASIC = "Basic ";

    private final String realm;
    private final String role;

    ConsoleLogin(String realm, String role) {
        this.realm = realm;
        this.role = role;
    }

    /** The subject of the request's Basic credentials if they log on and hold the role, else {@code null}. */
    Subject authenticate(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // JAAS loads the login module through the context class loader: Karaf's proxy lives in lib/boot
        thread.setContextClassLoader(ProxyLoginModule.class.getClassLoader());
        try {
            new LoginContext(realm, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback secret) {
                        secret.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            }).login();
        } catch (LoginException e) {
            return null;
        } finally {
            thread.setContextClassLoader(previous);
            Arrays.fill(password, '\0');
        }
        boolean allowed = subject.getPrincipals(RolePrincipal.class).stream().anyMatch(r -> r.getName().equals(role));
        return allowed ? subject : null;
    }
}
