package org.rfcbridge.itests;

import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's podman as the container image test runs it. What this kind of machine needs is said in one place, the
 * {@code containers.conf} written here: runc, because crun refuses its mixed cgroup v1/v2 hierarchy, and limits
 * below its hard limits, which podman's defaults exceed. No container registry is reachable, so the Java base
 * image is made from Debian's own packages by debootstrap.
 */
final class Podman {
    /** The Java 17 base image made here; the Containerfile's default is a registry's. */
    static final String BASE_IMAGE = "localhost/rfcbridge-test-jre:17";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(10);

    private final Map<String, String> environment;

    Podman(Path workDir) throws Exception {
        Path conf = workDir.resolve("containers.conf");
        Files.writeString(conf, """
                [containers]
                default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]
                [engine]
                runtime = "runc"
                """);
        environment = Map.of("CONTAINERS_CONF", conf.toString());
    }

    /** Why podman cannot be used here, or null if it can. */
    static String missing() throws Exception {
        if (!new File("/usr/bin/podman").canExecute() || !new File("/usr/sbin/debootstrap").canExecute()) {
            return "podman or debootstrap is missing: ./rfcbridge test installs them (apt-get install podman runc "
                    + "debootstrap)";
        }
        if (!"0".equals(ReleaseInstallation.run(List.of("id", "-u")).split("\n")[1].trim())) {
            return "building a base image with debootstrap needs root; this run is not root";
        }
        return null;
    }

    /** Runs podman; its exit status, a line feed, and what it printed. */
    String run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(arguments));
        return ReleaseInstallation.run(command, environment, COMMAND_TIMEOUT);
    }

    /** Runs podman and asserts that it succeeds; what it printed. */
    String succeed(String... arguments) throws Exception {
        String result = run(arguments);
        assertTrue("podman " + String.join(" ", arguments) + ":\n" + result, result.startsWith("0\n"));
        return result.substring(2);
    }

    /**
     * Makes {@link #BASE_IMAGE} unless it is there: this machine's Debian release with its OpenJDK 17 runtime,
     * from its own package mirror (about half a minute and 500 MB).
     */
    void ensureBaseImage(Path workDir) throws Exception {
        if (run("image", "exists", BASE_IMAGE).startsWith("0\n")) {
            return;
        }
        Matcher codename = Pattern.compile("(?m)^VERSION_CODENAME=(\\w+)$").matcher(Files.readString(Path.of(
                "/etc/os-release")));
        assertTrue("/etc/os-release names the Debian release", codename.find());
        String architecture = ReleaseInstallation.run(List.of("dpkg", "--print-architecture")).split("\n")[1].trim();
        Path rootfs = workDir.resolve("rootfs");
        String debootstrap = ReleaseInstallation.run(List.of("debootstrap", "--variant=minbase",
                "--include=openjdk-17-jre-headless", codename.group(1), rootfs.toString(),
                System.getProperty("rfcbridge.debian.mirror", "http://deb.debian.org/debian")), Map.of(),
                COMMAND_TIMEOUT);
        assertTrue("debootstrap:\n" + debootstrap, debootstrap.startsWith("0\n"));
        String imported = ReleaseInstallation.run(List.of("bash", "-c", "tar -C \"$0\" -c . | podman import "
                + "--change ENV=JAVA_HOME=/usr/lib/jvm/java-17-openjdk-" + architecture + " - \"$1\"",
                rootfs.toString(), BASE_IMAGE), environment, COMMAND_TIMEOUT);
        assertTrue("podman import:\n" + imported, imported.startsWith("0\n"));
        ReleaseInstallation.run(List.of("rm", "-rf", rootfs.toString()));
    }
}
