/**
 * SAP's table compression (LZC and LZH, "CsObjInt"), written from the format described with the vectors
 * of {@code shared/vectors/sap-compression/README.md}: an 8-byte header, then an LZW stream (LZC) or a
 * deflate-like stream with SAP's noise bits (LZH). Decompression and compression both stream: output is
 * pushed to a {@link org.rfcbridge.protocol.compression.ByteSink} as it is produced.
 */
@Export
@Version("1.0.0")
package org.rfcbridge.protocol.compression;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
