/**
 * The demo on the embedded default: the simulated on-prem gateway and the simulated cloud system
 * started inside the bridge by configuration, and reachable as a service by tests.
 */
@Export
@Version("1.0.0")
package org.rfcbridge.simulators.demo;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
