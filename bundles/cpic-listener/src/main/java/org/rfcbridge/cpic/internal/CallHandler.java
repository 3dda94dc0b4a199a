package org.rfcbridge.cpic.internal;

/** What a registered connection does with a relayed logon or call: the reply chain for the request chain. */
@FunctionalInterface
public interface CallHandler {
    /**
     * Answers one relayed request.
     *
     * @param chain the request's item chain as the gateway relayed it (logon context, then the call)
     * @return the reply's item chain; never {@code null}: errors are reply chains too
     */
    byte[] handle(byte[] chain);
}
