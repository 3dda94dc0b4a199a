package org.rfcbridge.shell.internal.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.rfcbridge.api.RfcDestination;

/** Completes destination names. */
@Service
public class DestinationNameCompleter extends NameCompleter {
    @Override
    List<String> names() {
        return serviceNames(RfcDestination.class, RfcDestination::name);
    }
}
