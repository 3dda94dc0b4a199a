/**
 * APPC/CPI-C records: the 80-byte header, operation-info variants, control parameters, data records and their reassembly (protocol-cpic.md §2.4).
 */
@Export
@Version("1.1.0")
package org.rfcbridge.protocol.appc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
