/**
 * JSON for call data, function metadata and command output, through JSON-P: the trace decoder, the simulators,
 * the console and the web console use it.
 */
@Export
@Version("1.0.0")
package org.rfcbridge.api.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
