/**
 * The directory of wire traces ({@code data/trace/}): naming, listing and removing trace files, for the
 * listener and destinations that write them and the console commands that list them.
 */
@Export
@Version("1.0.0")
package org.rfcbridge.api.trace;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
