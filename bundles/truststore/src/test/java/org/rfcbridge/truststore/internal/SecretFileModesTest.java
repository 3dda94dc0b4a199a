package org.rfcbridge.truststore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files with secrets that other users can read are named, with their mode and the fix; others are not. */
class SecretFileModesTest {
    @TempDir
    Path home;

    private Path file(String name, String text, String mode) throws Exception {
        Path file = Files.writeString(home.resolve("etc").resolve(name), text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    @Test
    void readableSecretsAreNamedAndPrivateOnesAreNot() throws Exception {
        Files.createDirectories(home.resolve("etc"));
        Path data = Files.createDirectories(home.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        Path destination = file("org.rfcbridge.wsrfc.destination-cloud.cfg", "host = h\npassword = secret\n",
                "rw-r--r--");
        file("org.rfcbridge.wsrfc.destination-private.cfg", "password = secret\n", "rw-------");
        file("org.rfcbridge.routing.rule-x.cfg", "sender = YI3000\n", "rw-r--r--");
        file("org.rfcbridge.truststore.cfg", "keystore.password =\nuse.java.cacerts = false\n", "rw-r--r--");
        Path users = file("users.properties", "admin = {CRYPT}abc{CRYPT},_g_:admingroup\n", "rw-r-----");

        List<String> problems = SecretFileModes.problems(home.resolve("etc"), data);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).equals(destination + " holds a secret and other users can read it (rw-r--r--): "
                + "chmod 600 " + destination), problems.get(0));
        assertTrue(problems.get(1).startsWith(users + " holds a secret"), problems.get(1));

        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertTrue(SecretFileModes.problems(home.resolve("etc"), data).get(2).contains("chmod -R go-rwx " + data));
    }
}
