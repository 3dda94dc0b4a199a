package org.rfcbridge.cpic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.api.json.JsonText;
import org.rfcbridge.tools.OnPremTool;
import org.rfcbridge.simulators.onprem.SimulatedGateway;

/** {@code ./rfcbridge onprem ping|call}: output and exit status against a registered program. */
class OnPremCommandLineTest {
    private SimulatedGateway gateway;
    private RegisteredConnection connection;

    private record Run(int status, String out, String err) {
    }

    @BeforeEach
    void start() throws Exception {
        gateway = SimulatedGateway.start(SimulatedGateway.Settings.defaults(0), event -> { });
        connection = new RegisteredConnection("127.0.0.1", gateway.port(), "CLOUD_SYSTEM_VIA_BC", "bridge",
                Duration.ofSeconds(2), Duration.ofSeconds(10), ProtocolLimits.DEFAULT, new RegisteredConnection.Observer() { });
        connection.register();
        Thread server = new Thread(() -> {
            try {
                connection.serve(new SampleCallHandler());
            } catch (java.io.IOException e) {
                // closed at the end of the test
            }
        });
        server.setDaemon(true);
        server.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (gateway.registrations().stream().noneMatch(r -> r.state() == SimulatedGateway.RegistrationState.WAITING)
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @AfterEach
    void stop() {
        connection.close();
        gateway.close();
    }

    private Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = OnPremTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void pingPrintsTheElapsedTime() throws Exception {
        Run run = run("ping", "--gateway", "127.0.0.1:" + gateway.port(), "--program-id", "CLOUD_SYSTEM_VIA_BC");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().matches("Connection test of MYDESTINATION_000 \\(Program ID CLOUD_SYSTEM_VIA_BC at "
                + "127.0.0.1:" + gateway.port() + "\\): OK in \\d+\\.\\d{3} ms\\s*"), run.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void callPrintsTheResultAsJson() throws Exception {
        Run run = run("call", "--gateway", "127.0.0.1:" + gateway.port(), "--program-id", "CLOUD_SYSTEM_VIA_BC",
                "STFC_CHANGING", "{\"START_VALUE\": 10, \"COUNTER\": 1}");
        assertEquals(0, run.status(), run.err());
        Map<String, Object> result = (Map<String, Object>) ((Map<String, Object>) JsonText.parse(run.out()))
                .get("result");
        assertEquals(new BigDecimal(11), result.get("RESULT"), run.out());
        assertEquals(new BigDecimal(2), result.get("COUNTER"), run.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void failuresExitNonZeroWithTheErrorAsJson() throws Exception {
        Run wrongProgram = run("call", "--gateway", "127.0.0.1:" + gateway.port(), "--program-id", "NOT_THERE",
                "STFC_CONNECTION");
        assertEquals(1, wrongProgram.status());
        Map<String, Object> error = (Map<String, Object>) ((Map<String, Object>) JsonText.parse(wrongProgram.out()))
                .get("error");
        assertEquals("COMMUNICATION_FAILURE", error.get("error"), wrongProgram.out());
        assertTrue(String.valueOf(error.get("message")).contains("SAP rc 679"), wrongProgram.out());
        assertEquals(2, run("call", "--gateway", "127.0.0.1:" + gateway.port(), "--program-id", "X").status());
        assertEquals(2, run("ping", "--program-id", "X").status());
        assertEquals(2, run("nonsense").status());
        assertTrue(run().err().startsWith("onprem: name a subcommand: gateway, ping or call\nUsage: onprem "));
    }

    @Test
    void aTypoExitsWithTwoAndGetsTheNearestSubcommandOrOption() throws Exception {
        Run subcommand = run("cal");
        assertEquals(2, subcommand.status());
        assertTrue(subcommand.err().startsWith("Unmatched argument at index 0: 'cal'\nDid you mean: onprem call?"),
                "picocli proposes the nearest subcommand: " + subcommand.err());
        Run option = run("ping", "--gateway", "127.0.0.1:" + gateway.port(), "--program-id", "X", "--destinaton", "D");
        assertEquals(2, option.status());
        assertTrue(option.err().contains("Possible solutions: --destination"), "picocli proposes the nearest option: "
                + option.err());
        Run help = run("call", "--help");
        assertEquals(0, help.status(), help.err());
        assertTrue(help.out().startsWith("Usage: onprem call "), help.out());
        assertEquals(0, gateway.registrations().stream().mapToLong(r -> r.callsServed()).sum(), "--help calls nothing");
    }
}
