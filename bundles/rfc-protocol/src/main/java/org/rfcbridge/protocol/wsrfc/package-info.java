/**
 * WebSocket RFC messages ({@code protocol-wsrfc-2026.md} §2-3, §5): the single-byte LOGON with its
 * embedded call, its replies, and joining replies that span several WebSocket messages. Invokes are
 * the classic serializer's chains, sent bare.
 */
@Export
@Version("1.0.0")
package org.rfcbridge.protocol.wsrfc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
