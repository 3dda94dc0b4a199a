package org.rfcbridge.simulators.cloud;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * Reads communication users from a file ({@code ./rfcbridge cloud --users}), one per line: alias, user, client,
     * password separated by blanks; {@code #} starts a comment.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed entry (never its password)
     */
    public static List<CommunicationUser> readFile(Path file) throws IOException {
        List<CommunicationUser> users = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\\s+", 4);
            if (columns.length != 4 || !columns[2].matches("\\d{3}")) {
                throw new IllegalArgumentException(file + " line " + (n + 1) + ": expected ALIAS USER CLIENT PASSWORD "
                        + "with a three-digit client");
            }
            users.add(new CommunicationUser(columns[1], columns[0], columns[3], columns[2]));
        }
        return users;
    }

    /** True if a LOGON names this user or its alias (case-insensitive, as ABAP user names are). */
    public boolean named(String name) {
        return user.equalsIgnoreCase(name) || alias.equalsIgnoreCase(name);
    }

    @Override
    public String toString() {
        return "CommunicationUser[user=" + user + ", alias=" + alias + ", client=" + client + ", password=***]";
    }
}
