package org.rfcbridge.jco.internal;

/**
 * The fields of {@code org.rfcbridge.cpic.listener} the JCo provider uses, with the same defaults; the
 * metatype is the native component's.
 */
@interface JCoListenerConfig {
    String name();

    String server();

    String program_id();

    int connections() default 5;

    String repository();

    boolean enabled() default true;
}
