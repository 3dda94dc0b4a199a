package org.rfcbridge.monitoring.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.felix.utils.properties.InterpolationHelper;
import org.apache.felix.utils.properties.TypedProperties;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@code .cfg} files in {@code etc/} in step with Config Admin, in place of Felix FileInstall's own
 * write-back, which the assembly turns off ({@value #SAVE_SETTING}{@code =false} in {@code etc/custom.properties}).
 *
 * <p>Why: FileInstall (3.7.4 in Karaf 4.4.10) writes a configuration back into its file in place, not atomically,
 * on every change, and its directory poll may read a file while it is half written (by that write-back, by
 * {@code config:update}, by an editor). It then sets the half it read as the configuration and writes that back
 * too: the rest of the file is gone for good. Seen as a destination without its name after {@code config:update}
 * followed by a stop, and as Karaf's own files losing their ports at a first start (docs/reliability.md).
 *
 * <p>Here, a change in Config Admin (the web console's Configuration tab, {@code rfc:route-enable},
 * {@code rfc:config-import}) is written {@link #settle} after it was made, and only if the file has not been
 * changed meanwhile: a file changed within that time is one FileInstall has yet to read completely, and its next
 * poll sets the configuration from the whole file. Only the values that differ are written, in one rename
 * ({@link CfgFile}). A configuration deleted in Config Admin ({@code config:delete}, the Configuration tab) has
 * its file deleted, as FileInstall's write-back did.
 */
@Component(service = ConfigurationListener.class, immediate = true)
public final class ConfigurationFiles implements ConfigurationListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationFiles.class);
    static final String SAVE_SETTING = "felix.fileinstall.enableConfigSave";
    private static final String POLL_SETTING = "felix.fileinstall.poll";
    private static final String FILENAME = "felix.fileinstall.filename";
    /** FileInstall's own default poll, for a framework that does not set one. */
    private static final long DEFAULT_POLL_MILLIS = 2000;

    private final ConfigurationAdmin configAdmin;
    private final TypedProperties.SubstitutionCallback substitution;
    /** Three polls of FileInstall, at least 3 s: time for it to read a file that was being written. */
    private final Duration settle;
    /** Whether FileInstall writes back itself (a Karaf not set up as the assembly is): then this does nothing. */
    private final boolean fileInstallSaves;
    /** The file of each configuration, remembered because a deleted configuration no longer names it. */
    private final Map<String, Path> files = new ConcurrentHashMap<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "rfcbridge-configuration-files");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public ConfigurationFiles(@Reference ConfigurationAdmin configAdmin, BundleContext context) {
        this.configAdmin = configAdmin;
        InterpolationHelper.SubstitutionCallback properties =
                new InterpolationHelper.BundleContextSubstitutionCallback(context);
        // the same resolution of ${...} as FileInstall's when it reads a .cfg file
        this.substitution = (name, key, value) -> properties.getValue(value);
        this.settle = settle(context.getProperty(POLL_SETTING));
        this.fileInstallSaves = !"false".equalsIgnoreCase(String.valueOf(context.getProperty(SAVE_SETTING)).trim());
        if (fileInstallSaves) {
            LOG.warn("{} is not false: Felix FileInstall writes configuration changes back into etc/ in place, and "
                    + "its poll can read a half-written file and keep only that half; set {}=false in "
                    + "etc/custom.properties (as the RFC Bridge assembly does) to have them written safely",
                    SAVE_SETTING, SAVE_SETTING);
            return;
        }
        try {
            Configuration[] all = configAdmin.listConfigurations(null);
            for (Configuration configuration : all == null ? new Configuration[0] : all) {
                remember(configuration);
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("Configuration files: cannot list the configurations; a configuration deleted before its next "
                    + "change keeps its file in etc/: {}", e.toString());
        }
    }

    static Duration settle(Object poll) {
        long millis = DEFAULT_POLL_MILLIS;
        try {
            millis = poll == null ? DEFAULT_POLL_MILLIS : Long.parseLong(poll.toString().trim());
        } catch (NumberFormatException e) {
            // FileInstall falls back to its default as well
        }
        return Duration.ofMillis(Math.max(3000, 3 * Math.max(0, millis)));
    }

    /** Changes still waiting are written now (a stop right after a change in the web console keeps it). */
    @Deactivate
    void deactivate() {
        writer.shutdownNow();
        for (String pid : Set.copyOf(pending)) {
            writeBack(pid, false);
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (fileInstallSaves) {
            return;
        }
        String pid = event.getPid();
        try {
            if (event.getType() == ConfigurationEvent.CM_DELETED) {
                Path file = files.remove(pid);
                if (file != null) {
                    writer.execute(() -> delete(pid, file));
                }
            } else if (event.getType() == ConfigurationEvent.CM_UPDATED && pending.add(pid)) {
                later(pid);
            }
        } catch (RejectedExecutionException e) {
            // stopping: deactivate writes what is pending
        }
    }

    private void later(String pid) {
        writer.schedule(() -> writeBack(pid, true), settle.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void writeBack(String pid, boolean mayWait) {
        pending.remove(pid);
        try {
            Configuration[] found = configAdmin.listConfigurations("(service.pid=" + pid + ")");
            if (found == null || found.length == 0 || found[0].getProperties() == null) {
                return;
            }
            Path file = remember(found[0]);
            if (file == null || !Files.isRegularFile(file)) {
                return;
            }
            if (Files.getLastModifiedTime(file).toInstant().isAfter(Instant.now().minus(settle))) {
                // FileInstall may have read it half written; its next poll sets the whole file, then look again
                if (mayWait && pending.add(pid)) {
                    later(pid);
                }
                return;
            }
            if (CfgFile.writeBack(file, found[0].getProperties(), substitution)) {
                LOG.info("Configuration {} written back to {}", pid, file);
            }
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            LOG.warn("Configuration {}: the change stays in Config Admin but could not be written to its file in "
                    + "etc/, and a restart reads the file again: {}", pid, e.toString());
        }
    }

    private void delete(String pid, Path file) {
        try {
            if (Files.deleteIfExists(file)) {
                LOG.info("Configuration {} deleted: its file {} too", pid, file);
            }
        } catch (IOException e) {
            LOG.warn("Configuration {} deleted, but not its file {}, which a restart reads again: {}", pid, file,
                    e.toString());
        }
    }

    /** The {@code .cfg} file the configuration came from, if FileInstall made it from one. */
    private Path remember(Configuration configuration) {
        Object name = configuration.getProperties() == null ? null : configuration.getProperties().get(FILENAME);
        if (name == null || !name.toString().endsWith(".cfg")) {
            return null;
        }
        try {
            Path file = Path.of(URI.create(name.toString()));
            files.put(configuration.getPid(), file);
            return file;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
