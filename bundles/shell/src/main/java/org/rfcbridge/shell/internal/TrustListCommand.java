package org.rfcbridge.shell.internal;


import java.time.Instant;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.rfcbridge.api.TrustService;
import org.rfcbridge.api.status.StatusRows;

/** {@code rfc:trust-list}: SAP BC's "Trusted Certificates", with expiry, and the files that could not be used. */
@Service
@Command(scope = "rfc", name = "trust-list", description = "Lists the trusted CA certificates (etc/trust) with their "
        + "expiry, and the files that could not be used.")
public class TrustListCommand extends ListingCommand {
    @Reference
    TrustService trust;

    @Override
    public Object execute() {
        print(StatusRows.certificates(trust, Instant.now()), StatusRows.CERTIFICATE_KEYS, json,
                "no trusted certificates: copy the cloud's CA certificate into etc/trust");
        if (!json) {
            trust.problems().forEach(p -> System.out.println("not used: " + p));
            if (trust.trustsAll()) {
                System.out.println("WARNING: trust.all is on; every certificate is accepted (tests only)");
            }
        }
        return null;
    }
}
