package org.rfcbridge.shell.internal.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.rfcbridge.api.RfcListener;

/** Completes listener names. */
@Service
public class ListenerNameCompleter extends NameCompleter {
    @Override
    List<String> names() {
        return serviceNames(RfcListener.class, RfcListener::name);
    }
}
