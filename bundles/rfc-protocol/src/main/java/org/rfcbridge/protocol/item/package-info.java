/**
 * RFC item chains [id][len][value][id] (protocol-cpic.md §2.7.1, §2.7.2, §2.7.7).
 */
@Export
@Version("1.1.0")
package org.rfcbridge.protocol.item;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
