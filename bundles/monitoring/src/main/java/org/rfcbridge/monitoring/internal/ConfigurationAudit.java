package org.rfcbridge.monitoring.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.SynchronousConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rfcbridge.api.Audit;
import org.rfcbridge.api.SecretKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log of configuration: one line per change of an {@code org.rfcbridge} configuration, with the keys
 * that changed, old and new value, and who changed it. A synchronous listener, so it runs on the thread that
 * changed the configuration and learns the user of a console command or web console action
 * ({@link Audit#currentUser()}); a change of a file in {@code etc/} is the user {@value Audit#SYSTEM}. Secrets
 * are written as {@value #HIDDEN}.
 */
@Component(service = SynchronousConfigurationListener.class, immediate = true)
public final class ConfigurationAudit implements SynchronousConfigurationListener {
    private static final Logger AUDIT = LoggerFactory.getLogger(Audit.LOGGER);
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationAudit.class);
    static final String HIDDEN = "***";
    private static final String PREFIX = "org.rfcbridge";

    private final ConfigurationAdmin configAdmin;
    /**
     * The last values seen of each configuration, to say what changed. Secrets too, in memory only (as Config
     * Admin holds them), so that "password: *** -> *** (changed)" can be told from no change.
     */
    private final Map<String, Map<String, String>> known = new ConcurrentHashMap<>();

    @Activate
    public ConfigurationAudit(@Reference ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
        try {
            Configuration[] all = configAdmin.listConfigurations("(service.pid=" + PREFIX + "*)");
            for (Configuration c : all == null ? new Configuration[0] : all) {
                known.put(c.getPid(), values(c.getProperties()));
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("The audit log cannot read the configurations; their first change shows no old values: {}",
                    e.toString());
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String pid = event.getPid();
        if (!pid.startsWith(PREFIX)) {
            return;
        }
        if (event.getType() == ConfigurationEvent.CM_DELETED) {
            Map<String, String> old = known.remove(pid);
            AUDIT.info("user={} action=config.delete pid={} {}", Audit.currentUser(), pid,
                    changes(old == null ? Map.of() : old, Map.of()));
            return;
        }
        if (event.getType() != ConfigurationEvent.CM_UPDATED) {
            return;
        }
        Map<String, String> now = current(pid);
        Map<String, String> old = known.put(pid, now);
        String changes = changes(old == null ? Map.of() : old, now);
        if (old == null) {
            AUDIT.info("user={} action=config.create pid={} {}", Audit.currentUser(), pid, changes);
        } else if (!changes.isEmpty()) {
            AUDIT.info("user={} action=config.update pid={} {}", Audit.currentUser(), pid, changes);
        }
    }

    private Map<String, String> current(String pid) {
        try {
            Configuration[] found = configAdmin.listConfigurations("(service.pid=" + pid + ")");
            return found == null || found.length == 0 ? Map.of() : values(found[0].getProperties());
        } catch (IOException | InvalidSyntaxException e) {
            return Map.of();
        }
    }

    /** The keys that changed: {@code key: old -> new}, a new key as {@code key: (none) -> new}. */
    static String changes(Map<String, String> old, Map<String, String> now) {
        Set<String> keys = new TreeSet<>(old.keySet());
        keys.addAll(now.keySet());
        StringBuilder text = new StringBuilder();
        for (String key : keys) {
            String before = old.get(key);
            String after = now.get(key);
            if (!Objects.equals(before, after)) {
                boolean secret = SecretKeys.isSecret(key);
                text.append(text.length() == 0 ? "" : "; ").append(key).append(": ").append(shown(before, secret))
                        .append(" -> ").append(shown(after, secret));
                if (secret && before != null && after != null) {
                    text.append(" (changed)");
                }
            }
        }
        return text.toString();
    }

    /** A configuration's values, bookkeeping left out. */
    static Map<String, String> values(Dictionary<String, Object> properties) {
        Map<String, String> values = new TreeMap<>();
        if (properties == null) {
            return values;
        }
        for (String key : Collections.list(properties.keys())) {
            if (CfgFile.BOOKKEEPING.contains(key)) {
                continue;
            }
            Object value = properties.get(key);
            String text = value instanceof Object[] array ? String.join(",", Arrays.stream(array)
                    .map(String::valueOf).toList()) : String.valueOf(value);
            values.put(key, oneLine(text));
        }
        return values;
    }

    private static String shown(String value, boolean secret) {
        return value == null ? "(none)" : secret ? HIDDEN : value;
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }
}
