package org.rfcbridge.cpic.internal;

import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets the bridge's {@link RequestMemory} from {@code org.rfcbridge.memory}; without a configuration the defaults
 * hold. A change applies to the next large call, without restarting a listener.
 */
@Component(name = "org.rfcbridge.memory", configurationPid = "org.rfcbridge.memory",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {}, immediate = true)
@Designate(ocd = RequestMemoryConfig.class)
public final class RequestMemoryComponent {
    private static final Logger LOG = LoggerFactory.getLogger(RequestMemoryComponent.class);
    /** The configuration's default for {@code large.request.wait}. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

    @Activate
    @Modified
    void apply(RequestMemoryConfig config) {
        long limit = RequestMemory.defaultLimit();
        Duration wait = DEFAULT_WAIT;
        if (config.max_large_requests_mb() < 0) {
            LOG.warn("org.rfcbridge.memory: field max.large.requests.mb {} must be 0 (half the heap) or more; "
                    + "using half the heap", config.max_large_requests_mb());
        } else if (config.max_large_requests_mb() > 0) {
            limit = (long) config.max_large_requests_mb() << 20;
        }
        if (config.large_request_wait() < 1) {
            LOG.warn("org.rfcbridge.memory: field large.request.wait {} must be at least 1 (seconds); using {}",
                    config.large_request_wait(), DEFAULT_WAIT.toSeconds());
        } else {
            wait = Duration.ofSeconds(config.large_request_wait());
        }
        RequestMemory.BRIDGE.settings(limit, wait);
        LOG.info("org.rfcbridge.memory: large relayed requests may hold {} at once, and wait {} s for it",
                RequestMemory.megabytes(limit), wait.toSeconds());
    }
}
