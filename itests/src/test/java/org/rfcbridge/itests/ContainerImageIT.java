package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.simulators.cloud.CommunicationUser;
import org.rfcbridge.simulators.cloud.SimulatedCloudSystem;
import org.rfcbridge.simulators.onprem.SimulatedAbapSystem;
import org.rfcbridge.simulators.onprem.SimulatedGateway;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * The container image (issue 20): built by podman, without a Docker daemon, from the unpacked release and its
 * {@code bin/contrib/container/Containerfile}, on a Java base image made from Debian's packages (no registry is
 * reachable here). Run with the tutorial's configuration in a mounted directory (the release's examples filled in
 * as a site fills them, the cloud's host from the environment) and the administrator's password from a file, it
 * registers at a simulated gateway on this machine and a call reaches a simulated cloud; its health check passes;
 * no password shows in its logs, its processes or {@code podman inspect}; it stops cleanly on {@code podman stop}.
 * The unchanged examples make it unhealthy, saying which field; a wrong port in the environment stops it at once.
 * Skipped, saying so, where podman or root is missing, unless {@code rfcbridge.container.required} is set
 * ({@code ./rfcbridge test} sets it when it could install podman).
 */
public class ContainerImageIT {
    private static final String IMAGE = "localhost/rfcbridge:it";
    private static final String CONTAINER_USER = "10001";
    private static final String ADMIN_PASSWORD = "container-" + UUID.randomUUID();
    private static final CommunicationUser CLOUD_USER = new CommunicationUser("CC0000000077", "BC_CONTAINER",
            "cloud-" + UUID.randomUUID(), "100");
    private static final Duration START = Duration.ofSeconds(120);

    private static Path work;
    private static Path release;
    private static Podman podman;
    private static final List<String> containers = new ArrayList<>();

    @BeforeClass
    public static void buildTheImage() throws Exception {
        String missing = Podman.missing();
        if (Boolean.parseBoolean(System.getProperty("rfcbridge.container.required"))) {
            assertEquals("the container tools", null, missing);
        }
        Assume.assumeTrue(missing, missing == null);
        work = Files.createTempDirectory("rfcbridge-container");
        podman = new Podman(work);
        podman.ensureBaseImage(work);
        release = ReleaseInstallation.unpack();
        podman.succeed("build", "--format", "docker", "--build-arg", "JRE_IMAGE=" + Podman.BASE_IMAGE,
                "-f", release.resolve("bin/contrib/container/Containerfile").toString(), "-t", IMAGE,
                release.toString());
    }

    @AfterClass
    public static void removeContainersAndImage() throws Exception {
        if (podman == null) {
            return;
        }
        for (String container : containers) {
            podman.run("rm", "-f", "-t", "0", container);
        }
        podman.run("rmi", "-f", IMAGE);
        ReleaseInstallation.run(List.of("rm", "-rf", work.toString(), release.getParent().toString()));
    }

    @Test
    public void theImageIsTheReleaseRunByAUserOfItsOwnWithAHealthCheck() throws Exception {
        String config = podman.succeed("image", "inspect", "--format",
                "{{.Config.User}}|{{.Config.Entrypoint}}|{{.Config.Healthcheck.Test}}|{{.Config.Env}}", IMAGE);
        assertTrue(config, config.startsWith(CONTAINER_USER + "|[/opt/rfcbridge/bin/rfcbridge container-start]|"));
        assertTrue(config, config.contains("/opt/rfcbridge/bin/rfcbridge health]"));
        String files = podman.succeed("run", "--rm", "--entrypoint", "bash", IMAGE, "-c",
                "ls /opt/rfcbridge; stat -c '%a %u %n' etc etc/users.properties; cat etc/users.properties");
        assertFalse("no state of a start in the image: " + files, files.contains("data\n"));
        assertTrue("etc/ is the bridge user's alone: " + files, files.contains("700 10001 etc\n")
                && files.contains("600 10001 etc/users.properties"));
        assertTrue("nobody logs on before a password is set: " + files, files.contains(
                "admin = {CRYPT}no-password-is-set{CRYPT}"));

        String wrongPort = podman.run("run", "--rm", "-e", "RFCBRIDGE_HTTP_PORT=99999", IMAGE);
        assertTrue(wrongPort, wrongPort.startsWith("2\n") && wrongPort.contains(
                "RFCBRIDGE_HTTP_PORT=99999 is not a port"));
    }

    @Test
    public void theTutorialFromAMountedEtcCallsTheCloudAndStopsCleanly() throws Exception {
        try (SimulatedGateway gateway = SimulatedGateway.start(SimulatedGateway.Settings.defaults(
                RfcBridgeTestSupport.freePort()), event -> { });
             SimulatedCloudSystem cloud = SimulatedCloudSystem.start(RfcBridgeTestSupport.freePort(),
                List.of("localhost"), "CNT", ProtocolLimits.DEFAULT, event -> { })) {
            cloud.addUser(CLOUD_USER);
            Path site = siteEtc("tutorial", text -> text
                    .replace("ENTER-YOUR-GATEWAY-HOST", "127.0.0.1\ngateway.service = " + gateway.port())
                    .replace("ENTER-SID-AND-CLIENT", "YI3000")
                    .replace("ENTER-YOUR-API-HOST.abap.eu10.hana.ondemand.com", "$[env:CLOUD_API_HOST]")
                    .replace("port = 443", "port = " + cloud.port())
                    .replace("ENTER-YOUR-COMMUNICATION-USER", CLOUD_USER.alias()));
            Files.createDirectory(site.resolve("trust"));
            Files.writeString(site.resolve("trust/cloud-ca.pem"), cloud.caPem());
            Path passwordFile = work.resolve("admin-password");
            Files.writeString(passwordFile, ADMIN_PASSWORD + "\n");
            ownedByTheContainerUser(site, passwordFile);

            int httpPort = RfcBridgeTestSupport.freePort();
            String name = start(site, "-v", passwordFile + ":/run/secrets/admin-password:ro",
                    "-e", "RFCBRIDGE_ADMIN_PASSWORD_FILE=/run/secrets/admin-password",
                    "-e", "RFCBRIDGE_HTTP_PORT=" + httpPort, "-e", "CLOUD_API_HOST=localhost");
            String health = awaitHealth(name, "\"overallResult\":\"OK\"");
            assertTrue("the image's health check passes: " + health, podman.run("healthcheck", "run", name)
                    .startsWith("0\n"));

            SimulatedAbapSystem caller = new SimulatedAbapSystem(new SimulatedAbapSystem.Identity("YI3", "000",
                    "DEVELOPER", "E"), Duration.ofSeconds(30), ProtocolLimits.DEFAULT);
            caller.addDestination(new SimulatedAbapSystem.TypeTDestination("MYDESTINATION_000", "127.0.0.1",
                    gateway.port(), "CLOUD_SYSTEM_VIA_BC"));
            Function call = SampleFunctions.STFC_CONNECTION.newFunction();
            call.imports().setValue("REQUTEXT", "from a container");
            caller.call("MYDESTINATION_000", call);
            assertEquals("from a container", call.exports().getString("ECHOTEXT"));
            assertTrue(call.exports().getString("RESPTEXT"), call.exports().getString("RESPTEXT")
                    .contains("Sysid: CNT"));

            assertEquals("the administrator logs on with the password file's password", 200,
                    ReleaseInstallation.httpStatus(httpPort, "/metrics", "admin:" + ADMIN_PASSWORD));
            assertEquals(401, ReleaseInstallation.httpStatus(httpPort, "/metrics", "admin:admin"));
            String shown = podman.succeed("logs", name) + podman.succeed("inspect", name)
                    + podman.succeed("exec", name, "bash", "-c", "cat /proc/[0-9]*/cmdline | tr '\\0' ' '");
            assertTrue("the logs say where the configuration came from: " + shown, shown.contains(
                    "the configuration is /etc/rfcbridge's: 4 files"));
            for (String secret : new String[] {ADMIN_PASSWORD, CLOUD_USER.password()}) {
                assertFalse("no password in logs, inspect or processes", shown.contains(secret));
            }

            podman.succeed("stop", "-t", "60", name);
            String exit = podman.succeed("inspect", "--format", "{{.State.ExitCode}}", name).trim();
            assertTrue("Karaf stopped on SIGTERM, not killed after the timeout: " + exit, exit.equals("0")
                    || exit.equals("143"));
        }
    }

    @Test
    public void theUnchangedExamplesMakeItUnhealthyNamingTheField() throws Exception {
        Path site = siteEtc("examples", UnaryOperator.identity());
        ownedByTheContainerUser(site);
        String name = start(site, "-e", "RFCBRIDGE_HTTP_PORT=" + RfcBridgeTestSupport.freePort());
        String health = awaitHealth(name, "configuration rejected: field host still holds the example's placeholder");
        assertTrue("an empty trust store is a warning that says so: " + health, health.contains(
                "No trusted CA certificate"));
        assertTrue("the image's health check fails", podman.run("healthcheck", "run", name).startsWith("1\n"));
    }

    /** The release's examples, changed by the edit, and the password file they name, in a directory of its own. */
    private static Path siteEtc(String name, UnaryOperator<String> edit) throws Exception {
        Path site = Files.createDirectory(work.resolve(name));
        try (Stream<Path> examples = Files.list(release.resolve("etc/examples"))) {
            for (Path example : examples.filter(f -> f.toString().endsWith(".cfg")).toList()) {
                Files.writeString(site.resolve(example.getFileName()), edit.apply(Files.readString(example)));
            }
        }
        Files.writeString(site.resolve("cloud-password"), CLOUD_USER.password() + "\n");
        return site;
    }

    /** The files as a site hands them to the container: its user's alone. */
    private static void ownedByTheContainerUser(Path... files) throws Exception {
        for (Path file : files) {
            ReleaseInstallation.run(List.of("chown", "-R", CONTAINER_USER + ":" + CONTAINER_USER, file.toString()));
            ReleaseInstallation.run(List.of("chmod", "-R", "go-rwx", file.toString()));
        }
    }

    /** Starts a container of the image on this machine's network with the site's directory and more options. */
    private static String start(Path site, String... options) throws Exception {
        String name = "rfcbridge-it-" + UUID.randomUUID().toString().substring(0, 8);
        containers.add(name);
        List<String> arguments = new ArrayList<>(List.of("run", "-d", "--name", name, "--network", "host",
                "-v", site + ":/etc/rfcbridge:ro",
                "-e", "RFCBRIDGE_SSH_PORT=" + RfcBridgeTestSupport.freePort(),
                "-e", "RFCBRIDGE_RMI_REGISTRY_PORT=" + RfcBridgeTestSupport.freePort(),
                "-e", "RFCBRIDGE_RMI_SERVER_PORT=" + RfcBridgeTestSupport.freePort()));
        arguments.addAll(List.of(options));
        arguments.add(IMAGE);
        podman.succeed(arguments.toArray(new String[0]));
        return name;
    }

    /**
     * Waits until {@code bin/rfcbridge health} in the container prints what it should, from the bridge's checks (an
     * answer without results, while they are not yet registered, is Felix's, and says OK); what it printed.
     */
    private static String awaitHealth(String name, String expected) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        String health = "";
        while (System.nanoTime() < deadline) {
            health = podman.run("exec", name, "bin/rfcbridge", "health");
            if (health.contains(expected) && !health.contains(RfcBridgeTestSupport.NO_HEALTH_RESULTS)) {
                return health;
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("the container's health did not show " + expected + ": " + health + "\n"
                + podman.run("logs", "--tail", "40", name));
    }
}
