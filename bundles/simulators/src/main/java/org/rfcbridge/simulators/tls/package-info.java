/**
 * A certificate authority that issues X.509 certificates at run time, for the simulated cloud
 * system's TLS and for tests (trusted, untrusted, expired and wrong-host certificates).
 */
@Export
@Version("1.0.0")
package org.rfcbridge.simulators.tls;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
