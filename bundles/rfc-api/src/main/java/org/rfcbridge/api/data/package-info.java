/**
 * Call data: structures, tables and parameter lists backed by flat buffers in the ABAP Unicode
 * layout, with typed access by field name or position.
 */
@Export
@Version("1.2.0")
package org.rfcbridge.api.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
