/**
 * Interfaces of the function modules the simulated systems know (STFC_CONNECTION, STFC_CHANGING,
 * STFC_STRUCTURE, ...), shared by the on-prem caller, the cloud system and the demo.
 */
@Export
@Version("1.0.0")
package org.rfcbridge.simulators.samples;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
