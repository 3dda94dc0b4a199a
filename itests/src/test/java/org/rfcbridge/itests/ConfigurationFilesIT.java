package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The files in {@code etc/} and Config Admin stay in step without losing a value: a change made in Config Admin
 * (as the web console's Configuration tab makes it) reaches its file in one rename with the administrator's text
 * kept, a deleted configuration takes its file along, and a file read while half written never replaces the
 * whole (Felix FileInstall's own write-back is off: {@code etc/custom.properties}, docs/reliability.md).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfigurationFilesIT extends RfcBridgeTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The assembly's FileInstall poll (1 s) and more: time for it to have read a file. */
    private static final long POLLS_MILLIS = 2500;

    @Inject
    ConfigurationAdmin configurations;

    @Configuration
    public Option[] configuration() {
        return baseConfiguration();
    }

    private static Path etc(String name) {
        return Path.of(System.getProperty("karaf.etc")).resolve(name);
    }

    /** The configuration's value of key, or null while FileInstall has not made it. */
    private Object value(String pid, String key) throws Exception {
        org.osgi.service.cm.Configuration[] found = configurations.listConfigurations("(service.pid=" + pid + ")");
        return found == null || found[0].getProperties() == null ? null : found[0].getProperties().get(key);
    }

    @Test
    public void aChangeInConfigAdminReachesItsFileWithTheAdministratorsTextKept() throws Exception {
        String pid = "org.rfcbridge.itest.writeback";
        Path file = etc(pid + ".cfg");
        Files.writeString(file, "# kept: the administrator's note\nlog.dir = ${karaf.etc}/../itest\nlimit = 5\n",
                StandardCharsets.ISO_8859_1);
        eventually(WAIT, "FileInstall made the configuration", () -> "5".equals(value(pid, "limit")));
        Object inode = Files.getAttribute(file, "unix:ino");

        org.osgi.service.cm.Configuration configuration = configurations.getConfiguration(pid, "?");
        Dictionary<String, Object> values = configuration.getProperties();
        values.put("limit", 7);
        values.put("added", "yes");
        configuration.update(values);

        eventually(WAIT, "the change is in the file", () -> Files.readString(file, StandardCharsets.ISO_8859_1)
                .contains("added"));
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertTrue(text, text.startsWith("# kept: the administrator's note\nlog.dir = ${karaf.etc}/../itest\n"));
        assertTrue(text, text.contains("\nlimit = 7\n"));
        assertNotEquals("written beside and renamed, never rewritten in place", inode,
                Files.getAttribute(file, "unix:ino"));

        configuration.delete();
        eventually(WAIT, "the deleted configuration's file is gone", () -> !Files.exists(file));
    }

    @Test
    public void aFileReadHalfWrittenNeverReplacesTheWholeFile() throws Exception {
        String pid = "org.rfcbridge.itest.halfwritten";
        Path file = etc(pid + ".cfg");
        StringBuilder whole = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            whole.append("key").append(i).append(" = value ").append(i).append('\n');
        }
        Files.writeString(file, whole, StandardCharsets.ISO_8859_1);
        eventually(WAIT, "FileInstall made the configuration", () -> "value 20".equals(value(pid, "key20")));

        // an editor (or config:update) writing the file in place: FileInstall's poll reads the first lines alone
        String changed = whole.toString().replace("value", "changed");
        int half = changed.indexOf("key3 ");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(changed.substring(0, half).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            eventually(WAIT, "FileInstall read the half-written file", () -> value(pid, "key3") == null);
            out.write(changed.substring(half).getBytes(StandardCharsets.ISO_8859_1));
        }

        eventually(WAIT, "the whole file is the configuration again", () -> "changed 20".equals(value(pid, "key20")));
        Thread.sleep(POLLS_MILLIS * 3);
        assertEquals("no one wrote the half back over the whole", changed, Files.readString(file,
                StandardCharsets.ISO_8859_1));
        assertEquals("changed 20", value(pid, "key20"));
        Files.delete(file);
    }
}
