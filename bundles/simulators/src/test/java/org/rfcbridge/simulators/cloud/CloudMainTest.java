package org.rfcbridge.simulators.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./rfcbridge cloud}: its arguments and its users file. */
class CloudMainTest {
    @Test
    void wrongArgumentsExitWithTwoAndTheUsage() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, CloudMain.run(new String[0], System.out, errors));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("cloud: --port is required"));
        err.reset();
        assertEquals(2, CloudMain.run(new String[] {"--port", "44300", "--colour", "blue"}, System.out, errors));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("cloud: unknown option --colour\nusage: cloud --port N"));
    }

    @Test
    void theUsersFileNamesAliasUserClientAndPasswordAndAMalformedLineIsNamedWithoutItsPassword(@TempDir Path dir)
            throws Exception {
        Path users = dir.resolve("users.txt");
        Files.writeString(users, "# alias user client password\nBC_USER001 CC0000000002 100 Secret with blanks\n\n");
        List<CommunicationUser> read = CloudMain.readUsers(users);
        assertEquals(List.of(new CommunicationUser("CC0000000002", "BC_USER001", "Secret with blanks", "100")), read);

        Files.writeString(users, "BC_USER001 CC0000000002 1OO TopSecret\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CloudMain.readUsers(users));
        assertEquals(users + " line 1: expected ALIAS USER CLIENT PASSWORD with a three-digit client", e.getMessage());
        assertFalse(e.getMessage().contains("TopSecret"));
    }
}
