/**
 * Function module interfaces and ABAP data types as RFC sees them.
 */
@Export
@Version("1.0.0")
package org.rfcbridge.api.metadata;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
