package org.rfcbridge.api;

/** Chooses the destination of a call: SAP BC's routing rules. */
public interface CallRouter {
    /**
     * The destination the first enabled matching rule names.
     *
     * @throws SystemFailureException if no rule matches, the rule's function allowlist refuses the
     *                                function, or the rule's destination does not exist; the text names
     *                                sender, receiver and function
     */
    RfcDestination route(CallContext call) throws SystemFailureException;
}
