package org.rfcbridge.api;

import java.util.Objects;

/**
 * Who is calling what: the facts routing decides on, taken from the relayed logon and the call.
 *
 * @param senderSystemId the calling system's ID, e.g. {@code YI3}
 * @param senderClient   the calling client, e.g. {@code 000}
 * @param receiver       the SM59 destination the caller used (or the Program ID where the gateway does not pass it)
 * @param functionName   the function module called
 * @param user           the calling user (for logs; never used to authenticate)
 * @param language       the logon language
 */
public record CallContext(String senderSystemId, String senderClient, String receiver, String functionName,
                          String user, String language) {
    /** Checks the parts routing needs. */
    public CallContext {
        Objects.requireNonNull(senderSystemId, "senderSystemId");
        Objects.requireNonNull(senderClient, "senderClient");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(functionName, "functionName");
        user = user == null ? "" : user;
        language = language == null ? "" : language;
    }

    /** The sender as SAP BC writes it: system ID followed by client, e.g. {@code YI3000}. */
    public String sender() {
        return senderSystemId + senderClient;
    }
}
