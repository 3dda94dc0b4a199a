package org.rfcbridge.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.rfcbridge.api.TrustService;

/** {@code rfc:trust-reload}: SAP BC's "Reload CA List". */
@Service
@Command(scope = "rfc", name = "trust-reload", description = "Reads etc/trust again; the next TLS connection uses it.")
public class TrustReloadCommand extends RfcCommand {
    @Reference
    TrustService trust;

    @Override
    public Object execute() {
        trust.reload();
        System.out.println(trust.certificates().size() + " trusted certificates");
        trust.problems().forEach(p -> System.out.println("not used: " + p));
        return null;
    }
}
