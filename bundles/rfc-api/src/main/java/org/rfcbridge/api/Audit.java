package org.rfcbridge.api;

import java.security.AccessController;
import java.security.Principal;

import javax.security.auth.Subject;

/**
 * The audit log: what an administrator changed and who did it. Each bundle writes its own events (a listener
 * started or stopped, the trust store reloaded, a configuration changed) on the logger {@value #LOGGER}, which
 * the shipped pax-logging configuration writes to {@code data/log/audit.log}.
 */
public final class Audit {
    /** The audit log's logger. */
    public static final String LOGGER = "org.rfcbridge.audit";
    /** The user named when no logged-on user is known (file changes, start-up, the bridge itself). */
    public static final String SYSTEM = "system";

    private Audit() {
    }

    /**
     * The user on whose behalf the current thread works: the Karaf console user (Karaf runs each command as its
     * session's JAAS subject) or the web console user (our pages run their actions as that user); {@value #SYSTEM}
     * otherwise.
     */
    @SuppressWarnings("removal") // Subject.current() is Java 18+; Karaf 4.4 runs commands with Subject.doAs
    public static String currentUser() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null) {
            return SYSTEM;
        }
        String any = null;
        for (Principal principal : subject.getPrincipals()) {
            // Karaf's user principal (org.apache.karaf.jaas.boot.principal.UserPrincipal), by name: no import needed
            if (principal.getClass().getSimpleName().equals("UserPrincipal")) {
                return principal.getName();
            }
            if (any == null && !principal.getClass().getSimpleName().endsWith("RolePrincipal")
                    && !principal.getClass().getSimpleName().endsWith("GroupPrincipal")) {
                any = principal.getName();
            }
        }
        return any != null ? any : SYSTEM;
    }
}
