/**
 * Gateway request records, versions 2 and 3, and gateway error blocks (protocol-cpic.md §2.3, §2.9).
 */
@Export
@Version("1.0.0")
package org.rfcbridge.protocol.gateway;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
