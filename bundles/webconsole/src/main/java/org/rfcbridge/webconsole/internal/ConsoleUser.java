package org.rfcbridge.webconsole.internal;

import java.security.Principal;
import java.util.Set;

import javax.security.auth.Subject;
import javax.servlet.http.HttpServletRequest;

/**
 * The web console's logged-on user as a JAAS subject, so that what the page does in the bridge runs as that user
 * and the audit log names them ({@code org.rfcbridge.api.Audit#currentUser}). Karaf's web console security
 * provider leaves its JAAS subject in the request (the same one its console runs requests as); another console
 * gives the request's remote user.
 */
final class ConsoleUser {
    /** Where Karaf's web console security provider leaves the logged-on subject. */
    static final String KARAF_SUBJECT = "karaf.subject.runas";
    /** Where the Felix Web Console keeps what its security provider returned (WebConsoleSecurityProvider2). */
    static final String USER_ATTRIBUTE = "org.apache.felix.webconsole.user";

    private ConsoleUser() {
    }

    static Subject of(HttpServletRequest request) {
        for (String attribute : new String[] {KARAF_SUBJECT, USER_ATTRIBUTE}) {
            if (request.getAttribute(attribute) instanceof Subject subject) {
                return subject;
            }
        }
        String name = request.getRemoteUser() == null ? "web console (user unknown)" : request.getRemoteUser();
        Principal user = new UserPrincipal(name);
        return new Subject(true, Set.of(user), Set.of(), Set.of());
    }

    /** A user's name; the class's simple name is what the audit log looks for. */
    record UserPrincipal(String getName) implements Principal {
    }
}
