package org.rfcbridge.cpic.internal;

import java.io.IOException;

import org.rfcbridge.protocol.classic.StreamedResponse;

/** What a registered connection does with a relayed logon or call: the reply chain for the request chain. */
@FunctionalInterface
public interface CallHandler {
    /**
     * Answers one relayed request. A large reply may be sent in leading parts through {@code parts}
     * while it is produced; the returned bytes complete it.
     *
     * @param chain the request's item chain as the gateway relayed it (logon context, then the call)
     * @param parts sends a leading part of the reply to the gateway at once
     * @return the reply's item chain, or its rest after the parts; never {@code null}: errors are reply chains too
     * @throws IOException if a reply of which parts were sent cannot be completed: the connection then closes,
     *                     and the gateway ends the conversation for the caller (COMMUNICATION_FAILURE)
     */
    byte[] handle(byte[] chain, StreamedResponse.Parts parts) throws IOException;
}
