package org.rfcbridge.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * A stock Apache Karaf 4.4.10 distribution, as a site runs it, into which a test installs the bridge
 * the way the README tells an administrator to.
 */
public abstract class StockKarafSupport extends RfcBridgeTestSupport {
    /** What the rfcbridge feature brings; the simulators and the web console page are separate features. */
    static final List<String> CORE_BUNDLES = List.of("org.rfcbridge.rfc-api", "org.rfcbridge.rfc-protocol",
            "org.rfcbridge.truststore", "org.rfcbridge.routing", "org.rfcbridge.cpic-listener",
            "org.rfcbridge.wsrfc-client", "org.rfcbridge.shell");

    @Inject
    BundleContext bundleContext;

    @Inject
    SessionFactory sessionFactory;

    /** The stock distribution plus the test driver's properties named. */
    protected Option[] stockKaraf(String... properties) {
        Option[] options = karafConfiguration(archive("rfcbridge.stock.karaf", "Maven downloads it as a test "
                + "dependency of itests"), "Apache Karaf");
        for (String property : properties) {
            options = OptionUtils.combine(options, systemProperty(property).value(System.getProperty(property, "")));
        }
        return options;
    }

    /** Runs a console command as the administrator: a stock Karaf allows feature:install to the admin role only. */
    protected String execute(String command) throws Exception {
        Subject admin = new Subject();
        admin.getPrincipals().add(new UserPrincipal("karaf"));
        admin.getPrincipals().add(new RolePrincipal("admin"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, out, out);
        try {
            Subject.doAs(admin, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } catch (PrivilegedActionException e) {
            throw e.getException();
        } finally {
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The states of the RFC Bridge bundles, e.g. {@code org.rfcbridge.routing=32}. */
    protected String bridgeBundles() {
        return Arrays.stream(bundleContext.getBundles()).filter(b -> b.getSymbolicName() != null
                && b.getSymbolicName().startsWith("org.rfcbridge.")).map(b -> b.getSymbolicName() + "=" + b.getState())
                .sorted().collect(Collectors.joining(", "));
    }

    /** Waits until every core bundle is ACTIVE. */
    protected void coreBundlesActive() throws Exception {
        eventually(Duration.ofSeconds(120), "every core bundle is ACTIVE: " + CORE_BUNDLES, () -> CORE_BUNDLES.stream()
                .allMatch(name -> Arrays.stream(bundleContext.getBundles()).anyMatch(b -> name.equals(b.getSymbolicName())
                        && b.getState() == Bundle.ACTIVE)));
    }
}
