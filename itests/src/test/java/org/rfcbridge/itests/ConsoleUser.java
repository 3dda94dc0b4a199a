package org.rfcbridge.itests;

import java.security.PrivilegedExceptionAction;
import java.util.List;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.shell.api.console.SessionFactory;

/**
 * A user logged on to the realm the console and the web console use ({@code karaf}), who runs console commands
 * as an SSH session of theirs does: Karaf runs each command as the session's JAAS subject. (A class of its own, so
 * that the test classes' signatures name no JAAS type: the probe loads those only when a test needs them.)
 */
final class ConsoleUser {
    private final Subject subject;

    private ConsoleUser(Subject subject) {
        this.subject = subject;
    }

    static ConsoleUser logOn(String user, String password) throws Exception {
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ProxyLoginModule.class.getClassLoader());
        try {
            new LoginContext("karaf", subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback secret) {
                        secret.setPassword(password.toCharArray());
                    }
                }
            }).login();
        } finally {
            thread.setContextClassLoader(previous);
        }
        return new ConsoleUser(subject);
    }

    /** Runs a command as this user; what it printed is added to {@code outputs}. */
    String run(SessionFactory sessions, String command, List<String> outputs) throws Exception {
        return Subject.doAs(subject, (PrivilegedExceptionAction<String>) () ->
                RfcBridgeTestSupport.console(sessions, command, outputs));
    }
}
