package org.rfcbridge.monitoring.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.felix.utils.properties.InterpolationHelper;
import org.apache.felix.utils.properties.TypedProperties;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.SynchronousConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@code .cfg} files in {@code etc/} in step with Config Admin, in place of Felix FileInstall's own
 * write-back, which the assembly turns off ({@value #SAVE_SETTING}{@code =false} in {@code etc/custom.properties}).
 *
 * <p>Why: FileInstall (3.7.4 in Karaf 4.4.10) polls {@code etc/} and may read a file while it is half written (by
 * {@code config:update}, which writes in place, by an editor). It sets the half it read as the configuration, and
 * its write-back then writes that half into the file: the rest is gone for good. Seen as a destination without
 * its name after {@code config:update} and a stop (docs/reliability.md).
 *
 * <p>Here, a change that FileInstall made from a file is never written back: the file is its source, and a file
 * read half written is read whole at FileInstall's next poll. Every other change (the web console's Configuration
 * tab, {@code rfc:route-enable}, {@code rfc:config-import}) is written at once, on the thread that made it (a
 * synchronous listener), so the file holds it before FileInstall's next poll could set the file's older values
 * over it. Only the values that differ are written, in one rename ({@link CfgFile}). A configuration deleted in
 * Config Admin ({@code config:delete}) has its file deleted, as FileInstall's write-back did.
 */
@Component(service = SynchronousConfigurationListener.class, immediate = true)
public final class ConfigurationFiles implements SynchronousConfigurationListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationFiles.class);
    static final String SAVE_SETTING = "felix.fileinstall.enableConfigSave";
    private static final String FILENAME = "felix.fileinstall.filename";
    /**
     * How a change FileInstall made from a file is told: its directory watcher's thread is named
     * {@code fileinstall-} and the directory (FileInstall 3.7.4's {@code DirectoryWatcher}; seen in karaf.log as
     * {@code fileinstall-/opt/rfcbridge/etc}). Unverified for other FileInstall versions: a change taken for
     * another's would be compared with its file, which is written only if it differs.
     */
    static final String FILEINSTALL_THREAD = "fileinstall-";

    private final ConfigurationAdmin configAdmin;
    private final TypedProperties.SubstitutionCallback substitution;
    /** Whether FileInstall writes back itself (a Karaf not set up as the assembly is): then this does nothing. */
    private final boolean fileInstallSaves;
    /** The file of each configuration, remembered because a deleted configuration no longer names it. */
    private final Map<String, Path> files = new ConcurrentHashMap<>();

    @Activate
    public ConfigurationFiles(@Reference ConfigurationAdmin configAdmin, BundleContext context) {
        this.configAdmin = configAdmin;
        InterpolationHelper.SubstitutionCallback properties =
                new InterpolationHelper.BundleContextSubstitutionCallback(context);
        // the same resolution of ${...} as FileInstall's when it reads a .cfg file
        this.substitution = (name, key, value) -> properties.getValue(value);
        this.fileInstallSaves = !"false".equalsIgnoreCase(String.valueOf(context.getProperty(SAVE_SETTING)).trim());
        if (fileInstallSaves) {
            LOG.warn("{} is not false: Felix FileInstall writes configuration changes back into etc/, and a file it "
                    + "read half written loses the rest; set {}=false in etc/custom.properties (as the RFC Bridge "
                    + "assembly does) to have them written safely", SAVE_SETTING, SAVE_SETTING);
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

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (fileInstallSaves) {
            return;
        }
        String pid = event.getPid();
        if (event.getType() == ConfigurationEvent.CM_DELETED) {
            Path file = files.remove(pid);
            if (file != null) {
                delete(pid, file);
            }
        } else if (event.getType() == ConfigurationEvent.CM_UPDATED) {
            writeBack(pid, Thread.currentThread().getName().startsWith(FILEINSTALL_THREAD));
        }
    }

    private void writeBack(String pid, boolean fromItsFile) {
        try {
            Configuration[] found = configAdmin.listConfigurations("(service.pid=" + pid + ")");
            if (found == null || found.length == 0 || found[0].getProperties() == null) {
                return;
            }
            Path file = remember(found[0]);
            if (fromItsFile || file == null || !Files.isRegularFile(file)) {
                return;
            }
            if (CfgFile.writeBack(file, found[0].getProperties(), substitution)) {
                LOG.info("Configuration {} written to {}", pid, file);
            }
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            LOG.warn("Configuration {}: the change stays in Config Admin but could not be written to its file in "
                    + "etc/, and a restart reads the file again: {}", pid, e.toString());
        }
    }

    private void delete(String pid, Path file) {
        try {
            if (Files.deleteIfExists(file)) {
                LOG.info("Configuration {} deleted, and its file {}", pid, file);
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
