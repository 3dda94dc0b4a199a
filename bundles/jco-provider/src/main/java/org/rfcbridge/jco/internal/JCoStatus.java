package org.rfcbridge.jco.internal;

/**
 * Whether SAP JCo runs in this container, registered by {@link JCoEnvironment} once it has tried; the
 * stand-ins for provider=jco listeners and destinations show its problem while JCo does not run.
 */
public final class JCoStatus {
    private final String problem;

    JCoStatus(String problem) {
        this.problem = problem;
    }

    /** Empty when JCo runs; otherwise what is wrong and what to do. */
    String problem() {
        return problem;
    }
}
