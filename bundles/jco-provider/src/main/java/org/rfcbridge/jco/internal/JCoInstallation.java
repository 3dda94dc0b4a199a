package org.rfcbridge.jco.internal;

/** Whether the site has installed SAP JCo, and what to tell an administrator when it has not. */
final class JCoInstallation {
    /** What listings, calls and the log say for a provider=jco configuration without JCo. */
    static final String NOT_INSTALLED = "provider jco is selected, but SAP JCo is not installed: run ./rfcbridge "
            + "install-jco PATH-TO-sapjco3.jar PATH-TO-libsapjco3.so and restart (docs/jco.md)";

    /** What they say when the jar is there but JCo does not start; the error follows. */
    static final String NOT_RUNNING = "provider jco is selected, but SAP JCo does not start (is libsapjco3.so on "
            + "java.library.path? ./rfcbridge install-jco sets it; docs/jco.md): ";

    private JCoInstallation() {
    }

    /** True when the system bundle exports JCo's packages to this bundle (its imports are optional). */
    static boolean installed() {
        try {
            Class.forName("com.sap.conn.jco.ext.Environment", false, JCoInstallation.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
