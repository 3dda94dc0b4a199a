package org.rfcbridge.cpic.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.protocol.gateway.GatewayRecord;
import org.rfcbridge.protocol.ni.NiFrames;
import org.rfcbridge.simulators.samples.SampleDestination;

/**
 * Gateways that do not play by the rules: one that accepts the connection and never answers the
 * registration, and one that begins a record and trickles it a byte at a time. Each closes only that connection,
 * with the setting named, and the listener registers again. (A call larger than the listener's bound:
 * {@link MemoryGuardTest}.)
 */
class RogueGatewayTest {
    private static final String PROGRAM_ID = "CLOUD_SYSTEM_VIA_BC";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    private final ListenerCounters counters = new ListenerCounters();
    private final SampleDestination cloud = new SampleDestination("Connection_to_Cloud", "CLD");
    private ListenerRuntime listener;
    private ServerSocket rogue;

    @AfterEach
    void stop() throws Exception {
        if (listener != null) {
            listener.stop();
        }
        if (rogue != null) {
            rogue.close();
        }
    }

    private void startListener(int port, ProtocolLimits limits) {
        BridgeCallHandler handler = new BridgeCallHandler(PROGRAM_ID, () -> call -> cloud, () -> cloud,
                "Connection_to_Cloud", false, counters, limits, TableCompression.NONE, call -> { });
        listener = new ListenerRuntime("rogue", PROGRAM_ID, 1, () -> new GatewayAddress("127.0.0.1", port), handler,
                counters, new ListenerRuntime.Settings(Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofSeconds(2), limits, Duration.ofSeconds(5), READ_TIMEOUT));
        listener.start();
    }

    @Test
    void aGatewayThatNeverAnswersTheRegistrationIsLeftAfterTheReadTimeout() throws Exception {
        rogue = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!rogue.isClosed()) {
                try {
                    rogue.accept();                               // held open, never answered
                } catch (Exception e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        startListener(rogue.getLocalPort(), ProtocolLimits.DEFAULT);
        Eventually.eventually(Duration.ofSeconds(10), () -> listener.lastError().contains(
                "did not answer the registration within 1 s (read.timeout)"));
    }

    @Test
    void aRecordTrickledAByteAtATimeClosesTheConnection() throws Exception {
        rogue = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        CountDownLatch closedByListener = new CountDownLatch(1);
        Thread server = new Thread(() -> {
            try (Socket socket = rogue.accept()) {
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                byte[] register = NiFrames.read(in, 1 << 20);
                byte[] reply = GatewayRecord.decode(register).gatewayReply().encode();
                NiFrames.write(out, reply, 0, reply.length);
                out.flush();
                NiFrames.read(in, 1 << 20);                       // the host and Program ID block
                NiFrames.read(in, 1 << 20);                       // ready
                out.write(new byte[] {0, 0, 0x03, (byte) 0xe8});  // a record of 1,000 bytes begins ...
                for (int i = 0; i < 100; i++) {                   // ... and trickles, a byte every 200 ms
                    out.write(6);
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (Exception e) {
                closedByListener.countDown();                     // the listener closed the connection
            }
        });
        server.setDaemon(true);
        server.start();
        startListener(rogue.getLocalPort(), ProtocolLimits.DEFAULT);
        assertTrue(closedByListener.await(10, TimeUnit.SECONDS), "the listener closed the trickling connection");
        Eventually.eventually(Duration.ofSeconds(5), () -> listener.lastError().contains("read.timeout"));
    }
}
