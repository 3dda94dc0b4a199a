package org.rfcbridge.wsrfc.internal;

import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.websocket.core.WebSocketConnection;

/**
 * A client connector whose WebSocket sessions are read by the thread that selected them. Jetty 12.1 declares a
 * WebSocket connection's reads blocking, so its selector hands the selecting over to another thread (a futex
 * wake and a context switch) before every frame it passes on, and the interest it re-arms afterwards wakes the
 * selector once more: about 30 µs of processor time per small call on the benchmark's machine
 * (docs/performance.md, "Reads on the selecting thread"). Declared non-blocking, the frame is decrypted, parsed and
 * delivered on the selecting thread, which then selects again.
 *
 * <p>This holds only because what a frame reaches does not wait: {@link WsRfcConnection.Inbox} queues the message
 * and asks for the next frame only while its window has room, and the threads that wait for large replies are the
 * callers' or the destination's reply threads. A small reply in one frame is applied and answered here
 * ({@link WsRfcConnection#ANSWERED_WHERE_IT_ARRIVES_BYTES}): its CPI-C reply goes into the gateway connection's
 * send buffer, empty between calls. Everything before the upgrade (the proxy's CONNECT, the TLS handshake with its
 * certificate checks, the HTTP upgrade) keeps Jetty's default and runs on its pool. Whatever is added to the Inbox
 * must not wait either.
 */
final class SelectingThreadReads extends ClientConnector {
    @Override
    protected EndPoint newEndPoint(SelectableChannel channel, ManagedSelector selector, SelectionKey key) {
        if (!(channel instanceof SocketChannel socket)) {
            return super.newEndPoint(channel, selector, key);
        }
        return new SocketChannelEndPoint(socket, selector, key, getScheduler()) {
            @Override
            public Runnable onSelected() {
                Runnable task = super.onSelected();
                return task != null && carriesWebSocket(this)
                        ? Invocable.from(Invocable.InvocationType.NON_BLOCKING, task) : task;
            }
        };
    }

    /** Whether the end point's connection, under TLS if any, is an upgraded WebSocket session. */
    private static boolean carriesWebSocket(EndPoint endPoint) {
        Connection connection = endPoint.getConnection();
        if (connection instanceof SslConnection tls) {
            connection = tls.getSslEndPoint().getConnection();
        }
        return connection instanceof WebSocketConnection;
    }
}
