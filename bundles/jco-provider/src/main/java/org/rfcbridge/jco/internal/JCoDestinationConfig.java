package org.rfcbridge.jco.internal;

/**
 * The fields of {@code org.rfcbridge.wsrfc.destination} the JCo provider uses, with the same defaults;
 * the metatype (what the Web Console shows) is the native component's, which owns the PID's description.
 */
@interface JCoDestinationConfig {
    String name();

    String host();

    int port() default 443;

    String logon_type() default "password";

    String user() default "";

    String alias_user() default "";

    String password() default "";

    String client() default "100";

    String language() default "EN";

    boolean proxy() default false;

    int ping_period() default 300;

    int pong_timeout() default 60;

    int pool_size() default 5;
}
