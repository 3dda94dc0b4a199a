package org.rfcbridge.truststore.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.rfcbridge.truststore}: SAP BC's "Security > Certificates > Trusted Certificates". */
@ObjectClassDefinition(name = "RFC Bridge Trusted Certificates",
        description = "The CA certificates trusted for TLS to cloud systems and proxies (SAP BC: Security > Certificates).")
@interface TrustStoreConfig {
    @AttributeDefinition(name = "Directory", description = "Folder of CA certificates: PEM, DER, PKCS#12 (.p12/.pfx) "
            + "or JKS (.jks). A relative path is relative to the Karaf base directory.")
    String directory() default "etc/trust";

    @AttributeDefinition(name = "Watch", description = "Reload automatically when a file in the directory changes.")
    boolean watch() default true;

    @AttributeDefinition(name = "Key store password", type = AttributeType.PASSWORD, required = false,
            description = "Password of the PKCS#12 and JKS files in the directory. May be $[secret:NAME] or $[env:NAME].")
    String keystore_password() default "";

    @AttributeDefinition(name = "Also trust the Java CA certificates", description = "Trust the JDK's public CA "
            + "list in addition to the directory (off: only what the directory holds, as in SAP BC).")
    boolean use_java_cacerts() default false;

    @AttributeDefinition(name = "Expiry warning (days)", min = "0",
            description = "Warn about certificates that expire within this many days.")
    int expiry_warning_days() default 30;

    @AttributeDefinition(name = "Trust all certificates (tests only)", description = "Turns certificate checks "
            + "OFF, but only in a JVM started with -Drfcbridge.trust.all.allowed=true or "
            + "RFCBRIDGE_TRUST_ALL_ALLOWED=true: this setting alone changes nothing. Never in production: every "
            + "accepted certificate is logged as a warning.")
    boolean trust_all() default false;
}
