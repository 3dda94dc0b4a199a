package org.rfcbridge.shell.internal.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.osgi.framework.BundleContext;
import org.rfcbridge.api.status.LiveServices;

/** Completes names of what is configured now. */
abstract class NameCompleter implements Completer {
    @Reference
    BundleContext bundleContext;

    /** The names to offer. */
    abstract List<String> names();

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(names()).complete(session, commandLine, candidates);
    }

    /** The names of the services of one type. */
    <T> List<String> serviceNames(Class<T> type, java.util.function.Function<T, String> nameOf) {
        return LiveServices.list(bundleContext, type).stream().map(nameOf).sorted().toList();
    }
}
