package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.Before;
import org.junit.Test;

/**
 * {@code ./rfcbridge install-jco} refuses what JCo would refuse or what is not JCo, and installing twice
 * leaves the files as installing once (its boot into Karaf is JCoInstalledIT).
 */
public class InstallJcoTest {
    private Path karaf;
    private Path download;

    @Before
    public void karafAndDownload() throws IOException {
        karaf = Files.createTempDirectory("install-jco-karaf");
        Files.createDirectories(karaf.resolve("etc"));
        Files.copy(Path.of(System.getProperty("rfcbridge.assembly.etc", "../karaf-assembly/target/assembly/etc"),
                "config.properties"), karaf.resolve("etc/config.properties"));
        download = Files.createTempDirectory("install-jco-download");
        Files.copy(Path.of(System.getProperty("rfcbridge.jco.standin", "../jco-declarations/target/"
                + "jco-declarations-" + System.getProperty("rfcbridge.version", "0.1.0-SNAPSHOT") + ".jar")),
                download.resolve("sapjco3.jar"));
        Files.writeString(download.resolve("libsapjco3.so"), "native");
    }

    private static final class Run {
        int exit;
        String output;
    }

    private Run installJco(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", System.getProperty("rfcbridge.launcher", "../rfcbridge"),
                "install-jco", "--karaf", karaf.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Run run = new Run();
        run.output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        run.exit = process.waitFor();
        return run;
    }

    /**
     * A site with only the tarball: the assemblies' own {@code bin/install-jco} installs into the Karaf it is in, with
     * no launcher, no jar tool and no {@code --karaf} (issue 22).
     */
    @Test
    public void theAssemblysOwnScriptInstallsIntoItsKaraf() throws Exception {
        Files.createDirectories(karaf.resolve("bin"));
        Path script = Files.copy(Path.of(System.getProperty("rfcbridge.install.jco.script",
                "../config/src/main/assembly/bin/install-jco")), karaf.resolve("bin/install-jco"));
        Process process = new ProcessBuilder("bash", script.toString(), download.resolve("sapjco3.jar").toString(),
                download.resolve("libsapjco3.so").toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(output, 0, process.waitFor());
        assertEquals("the jar is copied unchanged", -1L, Files.mismatch(download.resolve("sapjco3.jar"),
                karaf.resolve("lib/boot/sapjco3.jar")));
        assertTrue(Files.readString(karaf.resolve("etc/custom.properties")).contains("com.sap.conn.jco.server"));
        Process help = new ProcessBuilder("bash", script.toString(), "--help").redirectErrorStream(true).start();
        assertTrue(new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains(
                "bin/install-jco [--karaf DIR] SAPJCO3_JAR NATIVE_LIB"));
        assertEquals(0, help.waitFor());
    }

    @Test
    public void installingTwiceIsInstallingOnce() throws Exception {
        assertEquals(0, installJco(download.resolve("sapjco3.jar").toString(), download.resolve("libsapjco3.so")
                .toString()).exit);
        String custom = Files.readString(karaf.resolve("etc/custom.properties"));
        String setenv = Files.readString(karaf.resolve("bin/setenv"));
        assertEquals(0, installJco(download.resolve("sapjco3.jar").toString(), download.resolve("libsapjco3.so")
                .toString()).exit);
        assertEquals(custom, Files.readString(karaf.resolve("etc/custom.properties")));
        assertEquals(setenv, Files.readString(karaf.resolve("bin/setenv")));
        assertTrue(custom, custom.contains("org.apache.karaf.jaas.boot;") && custom.endsWith(
                ", com.sap.conn.jco, com.sap.conn.jco.ext, com.sap.conn.jco.server\n# <<< rfcbridge install-jco\n"));
        assertTrue(setenv, setenv.contains("-Djava.library.path=" + karaf.toRealPath().resolve("lib/sapjco3")));
        assertEquals("the jar is copied unchanged", -1L, Files.mismatch(download.resolve("sapjco3.jar"),
                karaf.resolve("lib/boot/sapjco3.jar")));
    }

    @Test
    public void aRenamedJarIsRefusedBecauseJCoWouldRefuseIt() throws Exception {
        Path renamed = Files.copy(download.resolve("sapjco3.jar"), download.resolve("sapjco3-3.1.8.jar"));
        Run run = installJco(renamed.toString(), download.resolve("libsapjco3.so").toString());
        assertEquals(1, run.exit);
        assertTrue(run.output, run.output.contains("is not named sapjco3.jar; JCo refuses a renamed or repackaged "
                + "archive"));
        assertTrue("nothing was installed", Files.notExists(karaf.resolve("lib/boot/sapjco3.jar")));
    }

    @Test
    public void aJarWithoutJCoAndAWrongLibraryAreRefused() throws Exception {
        Path other = Files.createDirectories(download.resolve("other"));
        Files.writeString(other.resolve("sapjco3.jar"), "not a jar");
        Run notJco = installJco(other.resolve("sapjco3.jar").toString(), download.resolve("libsapjco3.so").toString());
        assertEquals(1, notJco.exit);
        assertTrue(notJco.output, notJco.output.contains("does not contain SAP JCo"));
        Run wrongLibrary = installJco(download.resolve("sapjco3.jar").toString(), download.resolve("sapjco3.jar")
                .toString());
        assertEquals(1, wrongLibrary.exit);
        assertTrue(wrongLibrary.output, wrongLibrary.output.contains("is not JCo's native library"));
        Run missing = installJco(download.resolve("nowhere/sapjco3.jar").toString(), "libsapjco3.so");
        assertEquals(1, missing.exit);
        assertTrue(missing.output, missing.output.contains("does not exist"));
    }
}
