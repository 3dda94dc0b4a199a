/**
 * The simulated on-premise SAP system: an SAP gateway that accepts registered server programs, and
 * the calling ABAP system ("SM59") that calls them through it. Speaks only through rfc-protocol.
 */
@Export
@Version("1.0.0")
package org.rfcbridge.simulators.onprem;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
