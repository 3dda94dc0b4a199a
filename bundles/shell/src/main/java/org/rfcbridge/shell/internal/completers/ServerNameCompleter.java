package org.rfcbridge.shell.internal.completers;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcListener;
import org.rfcbridge.api.status.LiveServices;

/** Completes SAP server names: CPIC servers and destinations. */
@Service
public class ServerNameCompleter extends NameCompleter {
    @Override
    List<String> names() {
        List<String> names = new ArrayList<>(serviceNames(RfcDestination.class, RfcDestination::name));
        LiveServices.list(bundleContext, RfcListener.class).stream().map(RfcListener::server).filter(s -> !s.isEmpty())
                .distinct().forEach(names::add);
        return names;
    }
}
