package org.rfcbridge.cpic.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.time.Duration;

import org.rfcbridge.protocol.ni.NiFrames;

/**
 * The TCP connection of one registration to its gateway, as NI frames: buffered both ways, writes in order, and
 * what the listener's watchdog needs to see because Java's blocking sockets have no timeouts of their own for it:
 * a write that blocks (the gateway stopped taking data) and a record that began but does not finish.
 */
final class GatewaySocket implements AutoCloseable {
    private static final int BUFFER_BYTES = 65536;

    /**
     * A channel's socket, not {@code new Socket()}: Java 17's plain socket turns its descriptor non-blocking for good
     * at the first timed connect or read, and from then on every read that has to wait costs three system calls
     * (a read that finds nothing, a poll, the read again). A blocking channel restores blocking mode after a timed
     * operation, so the wait for the gateway's next request is one read, the most frequent wait of the listener.
     */
    private volatile Socket socket;
    /** Set by {@link #close()}, which may come before {@link #connect}: the connect then fails. */
    private volatile boolean closed;
    /** Orders writes; not the socket's own monitor, which {@link Socket#close()} takes, so a blocked write can be closed. */
    private final Object writeLock = new Object();
    private InputStream in;
    private OutputStream out;
    /** When the write in progress began ({@link System#nanoTime()}), 0 while none is: a blocked write shows here. */
    private volatile long writingSince;
    /** When the first byte of the record being read arrived, 0 before it: set by {@link FirstByteWatch}. */
    private volatile long recordStarted;
    /** Why {@link #closeBecause} closed the connection, for the failure the blocked write then reports. */
    private volatile String closedBecause;

    /** Connects, without delaying small writes (every record is flushed when it must go). */
    void connect(String host, int port, Duration timeout) throws IOException {
        InetSocketAddress gateway = new InetSocketAddress(host, port);
        if (gateway.isUnresolved()) {
            throw new UnknownHostException("unknown host " + host);    // the channel's own exception has no text
        }
        Socket opened = SocketChannel.open().socket();
        socket = opened;
        if (closed) {
            opened.close();
            throw new SocketException("the connection was closed before it was made");
        }
        opened.connect(gateway, (int) timeout.toMillis());
        opened.setTcpNoDelay(true);
        in = new BufferedInputStream(new FirstByteWatch(opened.getInputStream()), BUFFER_BYTES);
        out = new BufferedOutputStream(opened.getOutputStream(), BUFFER_BYTES);
    }

    /** This side's IPv4 address, four zero bytes on IPv6 (what the registration record carries). */
    byte[] localIpv4() {
        byte[] address = socket.getLocalAddress().getAddress();
        return address.length == 4 ? address : new byte[4];
    }

    /** How long a read may wait from now on; zero for ever. */
    void readTimeout(Duration timeout) throws SocketException {
        socket.setSoTimeout((int) timeout.toMillis());
    }

    /**
     * The next NI frame's payload.
     *
     * @throws SocketException if the gateway closed the connection
     */
    byte[] read(int maxRecordBytes) throws IOException {
        recordStarted = 0;
        byte[] payload;
        try {
            payload = NiFrames.read(in, maxRecordBytes);
        } catch (IOException e) {
            // closed by another thread (a reply's write that the gateway stopped taking): that is the reason
            throw closedBecause == null ? e : new SocketException(closedBecause);
        }
        recordStarted = 0;
        if (payload == null) {
            throw new SocketException("the gateway closed the connection");
        }
        return payload;
    }

    /** Since when a record has been arriving without being finished ({@link System#nanoTime()}), 0 if none is. */
    long recordStarted() {
        return recordStarted;
    }

    /** Writes a frame into the buffer (and to the gateway when the buffer fills). */
    void write(byte[] payload) throws IOException {
        guarded(() -> NiFrames.write(out, payload, 0, payload.length));
    }

    /** Sends what is buffered. */
    void flush() throws IOException {
        guarded(out::flush);
    }

    @FunctionalInterface
    private interface GatewayWrite {
        void run() throws IOException;
    }

    /** Runs a write in order with the others, visible to the watchdog while it waits. */
    private void guarded(GatewayWrite write) throws IOException {
        synchronized (writeLock) {
            writingSince = System.nanoTime();
            try {
                write.run();
            } catch (IOException e) {
                throw closedBecause == null ? e : new SocketException(closedBecause);
            } finally {
                writingSince = 0;
            }
        }
    }

    /** True if a write to the gateway has waited longer than {@code limit}: the gateway stopped taking data. */
    boolean writeBlockedLongerThan(Duration limit) {
        long since = writingSince;
        return since != 0 && System.nanoTime() - since > limit.toNanos();
    }

    /** Closes the connection from another thread; the write and the read it ends fail with {@code reason}. */
    void closeBecause(String reason) {
        if (closedBecause == null) {
            closedBecause = reason;                     // the first reason is the cause; later ones follow from it
        }
        close();
    }

    @Override
    public void close() {
        closed = true;
        Socket opened = socket;
        if (opened == null) {
            return;
        }
        try {
            opened.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Notes when the first byte of a record arrives, so that a record trickling in can be timed. */
    private final class FirstByteWatch extends FilterInputStream {
        FirstByteWatch(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            started(b >= 0 ? 1 : 0);
            return b;
        }

        @Override
        public int read(byte[] b, int offset, int length) throws IOException {
            int n = super.read(b, offset, length);
            started(n);
            return n;
        }

        private void started(int bytes) {
            if (bytes > 0 && recordStarted == 0) {
                recordStarted = System.nanoTime();
            }
        }
    }
}
