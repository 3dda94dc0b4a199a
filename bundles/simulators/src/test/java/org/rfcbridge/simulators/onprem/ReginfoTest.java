package org.rfcbridge.simulators.onprem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReginfoTest {
    @TempDir
    Path folder;

    private Reginfo read(String text) throws IOException {
        Path file = folder.resolve("reginfo");
        Files.writeString(file, text);
        return Reginfo.read(file);
    }

    @Test
    void firstMatchingLineDecidesAndNoMatchDenies() throws IOException {
        Reginfo acl = read("#VERSION=2\nD TP=BAD* HOST=*\nP TP=CLOUD_SYSTEM_VIA_BC HOST=127.0.0.1 ACCESS=* CANCEL=*\n"
                + "P TP=* HOST=bridge-host\n");
        assertTrue(acl.allows("CLOUD_SYSTEM_VIA_BC", "127.0.0.1", true));
        assertFalse(acl.allows("BAD_PROGRAM", "127.0.0.1", true));
        assertTrue(acl.allows("OTHER", "bridge-host", false));
        assertFalse(acl.allows("OTHER", "elsewhere", false), "no matching line denies");
    }

    @Test
    void withoutAFileOnlyLocalRegistrationsAreAllowed() {
        assertTrue(Reginfo.localOnly().allows("ANY", "localhost", true));
        assertFalse(Reginfo.localOnly().allows("ANY", "remote", false));
    }

    @Test
    void wrongSyntaxIsRefusedNamingTheLine() {
        assertEquals(folder.resolve("reginfo") + ": the first line must be #VERSION=2",
                assertThrows(IOException.class, () -> read("P TP=*\n")).getMessage());
        assertEquals(folder.resolve("reginfo") + " line 2: starts with 'X', expected P or D",
                assertThrows(IOException.class, () -> read("#VERSION=2\nX TP=*\n")).getMessage());
        assertEquals(folder.resolve("reginfo") + " line 2: TP= is missing",
                assertThrows(IOException.class, () -> read("#VERSION=2\nP HOST=*\n")).getMessage());
    }
}
