/**
 * The trace decoder: files of NI records to JSON, for administrators and support.
 */
@Export
@Version("2.0.0")
package org.rfcbridge.protocol.trace;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
