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

    /**
     * As {@link #route}, naming the rule too (the call log writes it). A router without named rules names
     * none: {@value Route#NO_RULE}.
     */
    default Route routeNamingTheRule(CallContext call) throws SystemFailureException {
        return new Route(Route.NO_RULE, route(call));
    }

    /** Where a call goes and the routing rule that sent it there. */
    record Route(String rule, RfcDestination destination) {
        /** The rule name of a router that has no named rules. */
        public static final String NO_RULE = "-";
    }
}
