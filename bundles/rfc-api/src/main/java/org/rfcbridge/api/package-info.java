/**
 * The services RFC Bridge's bundles offer each other (destinations, repositories, routing, trust,
 * listeners) and the errors an ABAP caller understands.
 */
@Export
@Version("1.7.0")
package org.rfcbridge.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
