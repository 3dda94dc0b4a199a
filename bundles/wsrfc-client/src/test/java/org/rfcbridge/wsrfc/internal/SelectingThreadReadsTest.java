package org.rfcbridge.wsrfc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;

/**
 * A WebSocket session's frames are read by the thread that selected them: Jetty's default hands the selecting to
 * another thread before each frame, so the frames of successive round trips arrive on threads taking turns.
 */
class SelectingThreadReadsTest {
    /** Records the thread each pong arrives on. */
    public static final class Pongs implements Session.Listener.AutoDemanding {
        final BlockingQueue<String> threads = new LinkedBlockingQueue<>();

        @Override
        public void onWebSocketPong(ByteBuffer payload) {
            threads.add(Thread.currentThread().getName());
        }
    }

    @Test
    void everyFrameIsReadOnTheOneSelectingThread() throws Exception {
        try (CloudFixture fixture = new CloudFixture()) {
            WebSocketClient client = JettyClients.start(CloudFixture.trusting(fixture.cloud.caPem()), 1 << 20);
            try {
                Set<String> readers = pongReaders(client, fixture.tutorial());
                assertEquals(1, readers.size(), "threads that read the pongs: " + readers);
            } finally {
                client.stop();
            }
        }
    }

    /** The threads that read the pongs of 20 pings sent one after the other on a new session. */
    static Set<String> pongReaders(WebSocketClient client, WsRfcSettings settings) throws Exception {
        ClientUpgradeRequest upgrade = new ClientUpgradeRequest();
        upgrade.setSubProtocols(settings.subprotocol());
        settings.upgradeHeaders().forEach(upgrade::setHeader);
        Pongs pongs = new Pongs();
        Session session = client.connect(pongs, URI.create(settings.url()), upgrade).get(5, TimeUnit.SECONDS);
        Set<String> readers = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            session.sendPing(ByteBuffer.wrap(new byte[] {(byte) i}), Callback.NOOP);
            String reader = pongs.threads.poll(5, TimeUnit.SECONDS);
            assertNotNull(reader, "pong " + i + " arrived");
            readers.add(reader);
        }
        session.close();
        return readers;
    }
}
