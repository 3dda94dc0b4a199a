/**
 * The simulated cloud ABAP system: a WebSocket RFC server over TLS with communication users, an
 * allowlist per communication arrangement, and the sample functions.
 */
@Export
@Version("1.0.0")
package org.rfcbridge.simulators.cloud;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
