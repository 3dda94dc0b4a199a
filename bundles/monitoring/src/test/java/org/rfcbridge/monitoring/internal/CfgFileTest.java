package org.rfcbridge.monitoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Stream;

import org.apache.felix.utils.properties.TypedProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration changed in Config Admin written back into its .cfg file: only what changed, in one rename. */
class CfgFileTest {
    /** Resolves ${karaf.etc} as FileInstall does for a runtime in /opt/rfcbridge. */
    private static final TypedProperties.SubstitutionCallback KARAF = (name, key, value) ->
            "karaf.etc".equals(value) ? "/opt/rfcbridge/etc" : null;

    @TempDir
    Path folder;

    private Path file(String text) throws Exception {
        Path file = folder.resolve("org.rfcbridge.itest.files.cfg");
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** The configuration as FileInstall made it from the file, with its bookkeeping. */
    private static Hashtable<String, Object> configuration(Object... keysAndValues) {
        Hashtable<String, Object> values = new Hashtable<>();
        values.put("service.pid", "org.rfcbridge.itest.files");
        values.put("felix.fileinstall.filename", "file:/opt/rfcbridge/etc/org.rfcbridge.itest.files.cfg");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    @Test
    void onlyTheChangedValueIsWrittenAndTheAdministratorsTextStays() throws Exception {
        Path file = file("# the administrator's note\nname = Connection_to_Cloud\n"
                + "# where the traces go\ntrace.dir = ${karaf.etc}/../traces\npool.size = 5\n");
        Hashtable<String, Object> changed = configuration("name", "Connection_to_Cloud",
                "trace.dir", "/opt/rfcbridge/etc/../traces", "pool.size", 7);

        assertTrue(CfgFile.writeBack(file, changed, KARAF));

        assertEquals("# the administrator's note\nname = Connection_to_Cloud\n# where the traces go\n"
                + "trace.dir = ${karaf.etc}/../traces\npool.size = 7\n",
                Files.readString(file, StandardCharsets.ISO_8859_1).replace("\r\n", "\n"));
    }

    @Test
    void aFileHoldingTheValuesAlreadyIsNotTouched() throws Exception {
        String text = "name = Connection_to_Cloud\ntrace.dir = ${karaf.etc}/../traces\npool.size = 5\n";
        Path file = file(text);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
        Hashtable<String, Object> same = configuration("name", "Connection_to_Cloud",
                "trace.dir", "/opt/rfcbridge/etc/../traces", "pool.size", 5);

        assertFalse(CfgFile.writeBack(file, same, KARAF));

        assertEquals(text, Files.readString(file, StandardCharsets.ISO_8859_1));
        assertEquals(0, Files.getLastModifiedTime(file).toMillis());
    }

    @Test
    void aKeyRemovedInConfigAdminLeavesTheFileAndANewOneIsAdded() throws Exception {
        Path file = file("name = Connection_to_Cloud\nproxy = true\n");

        assertTrue(CfgFile.writeBack(file, configuration("name", "Connection_to_Cloud", "call.timeout", "77"), KARAF));

        TypedProperties read = new TypedProperties();
        read.load(file.toFile());
        assertEquals(List.of("name", "call.timeout"), List.copyOf(read.keySet()));
        assertEquals("77", read.get("call.timeout"));
    }

    @Test
    void theFileIsReplacedInOneRenameKeepingItsPermissions() throws Exception {
        Path file = file("name = A\n");
        Object inode = Files.getAttribute(file, "unix:ino");

        assertTrue(CfgFile.writeBack(file, configuration("name", "B"), KARAF));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertNotEquals(inode, Files.getAttribute(file, "unix:ino"),
                "a new file renamed over the old one, never the old one rewritten in place");
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(file), left.toList(), "nothing left beside it");
        }
    }

    @Test
    void valuesTypedInTheWebConsoleCompareByTheirText() {
        assertTrue(CfgFile.same("5", 5));
        assertTrue(CfgFile.same(new String[] {"a", "b"}, List.of("a", "b")));
        assertFalse(CfgFile.same(new String[] {"a", "b"}, new String[] {"a"}));
        assertFalse(CfgFile.same(null, "x"));
    }
}
