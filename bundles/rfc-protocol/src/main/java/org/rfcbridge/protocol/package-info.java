/**
 * What every RFC format shares: the protocol's own error and the limits every decoder enforces.
 */
@Export
@Version("1.0.0")
package org.rfcbridge.protocol;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
