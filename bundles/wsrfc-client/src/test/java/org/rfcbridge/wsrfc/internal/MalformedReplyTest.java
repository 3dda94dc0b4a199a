package org.rfcbridge.wsrfc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.simulators.cloud.SimulatedCloudSystem;
import org.rfcbridge.simulators.samples.SampleFunctions;
import org.rfcbridge.simulators.tls.CertificateAuthority;
import org.rfcbridge.simulators.tls.IssuedCertificate;

/**
 * A malformed reply from the cloud: the call ends with SYSTEM_FAILURE naming the destination and the
 * byte offset, the session is closed, the next call works on a new one, and the rejection is logged
 * once with the peer (destination and URL) and the offset.
 */
class MalformedReplyTest {
    @Test
    void aMalformedReplyIsRejectedOnceLoggedWithPeerAndOffsetAndTheNextCallWorks() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("Malformed CA", Duration.ofDays(1));
        IssuedCertificate certificate = ca.issue(List.of("localhost"), Duration.ofDays(1));
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (SimulatedCloudSystem cloud = SimulatedCloudSystem.start(0, ca, certificate, "CLD", ProtocolLimits.DEFAULT,
                e -> { })) {
            X509TrustManager trust = CloudFixture.trustManager(ca.certificatePem());
            WsRfcSettings settings = new WsRfcSettings("Connection_to_Cloud", "localhost", cloud.port(), null,
                    "rfc.sap.com", Map.of(), "BC_USER000", "PasswordForBC_USER000", "100", "E", Duration.ofSeconds(2),
                    Duration.ofSeconds(5));
            try (WsRfcDestination destination = WsRfcDestination.start(settings, new WsRfcDestination.PoolSettings(1,
                    Duration.ZERO, Duration.ofSeconds(1)), FollowingTrustManager.context(null, () -> trust), null,
                    ProtocolLimits.DEFAULT)) {
                destination.execute(connection("warm-up"));                 // the session is open and logged on
                System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));   // slf4j-simple writes here
                cloud.corruptNextReply();
                SystemFailureException e = assertThrows(SystemFailureException.class,
                        () -> destination.execute(connection("damaged")));
                System.setErr(err);
                assertTrue(e.getMessage().contains("Connection_to_Cloud") && e.getMessage().contains("malformed reply")
                        && e.getMessage().contains("byte offset"), e.getMessage());
                Function after = connection("after the damage");
                destination.execute(after);
                assertEquals("after the damage", after.exports().getString("ECHOTEXT"));
            }
        } finally {
            System.setErr(err);
        }
        List<String> rejections = Arrays.stream(log.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(line -> line.contains("malformed reply")).toList();
        assertEquals(1, rejections.size(), "logged once: " + rejections);
        String line = rejections.get(0);
        assertTrue(line.contains("WARN") && line.contains("Connection_to_Cloud")
                && line.contains("wss://localhost:") && line.contains("byte offset")
                && !line.contains("PasswordForBC_USER000"), line);
    }

    private static Function connection(String text) {
        Function f = SampleFunctions.STFC_CONNECTION.newFunction();
        f.imports().setValue("REQUTEXT", text);
        return f;
    }
}
