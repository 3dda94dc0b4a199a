/**
 * NI framing: 4-byte big-endian length records and the NI keep-alive (protocol-cpic.md §2.2).
 */
@Export
@Version("1.0.0")
package org.rfcbridge.protocol.ni;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
