package org.rfcbridge.shell.internal;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.MetaTypeService;

/** What {@code rfc:config-export} and {@code rfc:config-import} share: the configurations and their metatype. */
abstract class ConfigArchiveCommand extends RfcCommand {
    @Reference
    ConfigurationAdmin configAdmin;

    @Reference
    MetaTypeService metaType;

    ConfigurationArchive archive() {
        return new ConfigurationArchive(configAdmin, bundleContext, metaType);
    }
}
