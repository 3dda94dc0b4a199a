package org.rfcbridge.monitoring.internal;

import java.time.Duration;
import java.time.Instant;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rfcbridge.api.TrustService;
import org.rfcbridge.api.TrustedCertificate;

/**
 * The trust store: no file in it was rejected, no trusted certificate has expired (both CRITICAL: TLS to the
 * cloud may fail), none expires within {@code expiry.warning.days} and
 * {@code trust.all} is off (both WARN: the bridge works, an administrator has something to do). The days are
 * the trust store's setting {@code expiry.warning.days}, which also decides its log warnings.
 */
@Component(service = HealthCheck.class, property = {HealthCheck.NAME + "=RFC Bridge trusted certificates",
    HealthCheck.TAGS + "=" + MonitorComponent.HEALTH_TAG})
public final class TrustHealthCheck implements HealthCheck {
    @Reference
    private TrustService trust;

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        Instant now = Instant.now();
        Duration warning = trust.expiryWarning();
        for (String problem : trust.problems()) {
            log.critical("Trust store file {}{}", ListenersHealthCheck.CONFIGURATION_REJECTED, problem);
        }
        for (TrustedCertificate certificate : trust.certificates()) {
            if (certificate.notAfter().isBefore(now)) {
                log.critical("{} ({}) expired on {}", certificate.subject(), certificate.source(), certificate.notAfter());
            } else if (certificate.notAfter().isBefore(now.plus(warning))) {
                log.warn("{} ({}) expires on {}, within {} days: replace it before then", certificate.subject(),
                        certificate.source(), certificate.notAfter(), warning.toDays());
            } else {
                log.info("{} ({}) valid until {}", certificate.subject(), certificate.source(), certificate.notAfter());
            }
        }
        if (trust.certificates().isEmpty() && trust.problems().isEmpty()) {
            // Felix HC rates a check without entries WARN; say why, so the WARN can be acted on
            log.warn("No trusted CA certificate (etc/trust is empty): TLS to a cloud system fails unless its CA is "
                    + "a public one and use.java.cacerts is on");
        }
        if (trust.trustsAll()) {
            log.warn("trust.all is on: every TLS certificate is accepted without a check (tests only)");
        }
        return new Result(log);
    }
}
