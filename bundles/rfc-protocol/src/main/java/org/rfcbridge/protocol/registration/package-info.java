/**
 * The records of a registered server program and of the gateway that relays calls to it
 * ({@code protocol-cpic-2026.md} §2-3): registration, "ready", call arrival, relayed call, reply and
 * post-call records on leg 1, and the gateway's answers to a calling system on leg 2.
 */
@Export
@Version("1.0.0")
package org.rfcbridge.protocol.registration;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
