package org.rfcbridge.simulators.cloud;

/**
 * A communication user of the cloud system with its alias user (what SAP's tutorial enters in SAP
 * BC), password and client. {@link #toString()} never shows the password.
 *
 * @param user     the technical user
 * @param alias    the alias user, e.g. {@code BC_USER000}
 * @param password the password
 * @param client   the client, e.g. {@code 100}
 */
public record CommunicationUser(String user, String alias, String password, String client) {
    /** The tutorial's user: alias {@code BC_USER000}, password {@code PasswordForBC_USER000}, client 100. */
    public static final CommunicationUser TUTORIAL = new CommunicationUser("CC0000000001", "BC_USER000",
            "PasswordForBC_USER000", "100");

    /** True if a LOGON names this user or its alias (case-insensitive, as ABAP user names are). */
    public boolean named(String name) {
        return user.equalsIgnoreCase(name) || alias.equalsIgnoreCase(name);
    }

    @Override
    public String toString() {
        return "CommunicationUser[user=" + user + ", alias=" + alias + ", client=" + client + ", password=***]";
    }
}
