/**
 * What the bridge shows of itself, once for every view: the rows of its servers, listeners, routing rules,
 * certificates and counters, which the console commands print as tables or JSON and the web console page shows
 * (as Karaf's {@code BundleService} serves both its commands and its MBean).
 */
@Export
@Version("1.0.0")
package org.rfcbridge.api.status;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
