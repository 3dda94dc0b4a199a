/**
 * JSON for call data and function metadata, as the trace decoder, the simulators and the console use it.
 */
@Export
@Version("1.0.0")
package org.rfcbridge.protocol.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
