/**
 * DDIC metadata as RFC carries it: the PARAMS rows of RFC_GET_FUNCTION_INTERFACE and the DFIES rows
 * of DDIF_FIELDINFO_GET ({@code protocol-wsrfc-2026.md} §4.1-4.2, {@code protocol-cpic.md} §2.8.2).
 */
@Export
@Version("1.0.0")
package org.rfcbridge.protocol.ddic;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
