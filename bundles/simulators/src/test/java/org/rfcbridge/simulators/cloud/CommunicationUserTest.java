package org.rfcbridge.simulators.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The users file of {@code ./rfcbridge cloud --users}. */
class CommunicationUserTest {
    @Test
    void theUsersFileNamesAliasUserClientAndPasswordAndAMalformedLineIsNamedWithoutItsPassword(@TempDir Path dir)
            throws Exception {
        Path users = dir.resolve("users.txt");
        Files.writeString(users, "# alias user client password\nBC_USER001 CC0000000002 100 Secret with blanks\n\n");
        List<CommunicationUser> read = CommunicationUser.readFile(users);
        assertEquals(List.of(new CommunicationUser("CC0000000002", "BC_USER001", "Secret with blanks", "100")), read);

        Files.writeString(users, "BC_USER001 CC0000000002 1OO TopSecret\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CommunicationUser.readFile(users));
        assertEquals(users + " line 1: expected ALIAS USER CLIENT PASSWORD with a three-digit client", e.getMessage());
        assertFalse(e.getMessage().contains("TopSecret"));
    }
}
