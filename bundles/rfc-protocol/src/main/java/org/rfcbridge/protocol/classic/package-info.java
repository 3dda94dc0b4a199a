/**
 * The classic serializer, xRFC XML, logon, password scramble and error envelopes (protocol-cpic.md §2.7, §2.8, §2.9).
 */
@Export
@Version("1.0.0")
package org.rfcbridge.protocol.classic;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
