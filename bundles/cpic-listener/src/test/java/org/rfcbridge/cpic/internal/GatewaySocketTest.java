package org.rfcbridge.cpic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The wait for the gateway's next request is one blocking read: after the registration's timed connect and read,
 * the connection's descriptor is back in blocking mode (Linux's {@code /proc}, where the kernel shows it).
 */
class GatewaySocketTest {
    /** {@code O_NONBLOCK} in the octal {@code flags} of {@code /proc/self/fdinfo} (Linux, x86 and arm alike). */
    private static final int O_NONBLOCK = 04000;

    @Test
    void afterTimedOperationsTheDescriptorBlocksAgain() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fdinfo")), "needs Linux's /proc to see the descriptor");
        try (ServerSocket gateway = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             GatewaySocket connection = new GatewaySocket()) {
            connection.connect("127.0.0.1", gateway.getLocalPort(), Duration.ofSeconds(5));
            try (Socket accepted = gateway.accept()) {
                connection.readTimeout(Duration.ofMillis(50));
                assertThrows(SocketTimeoutException.class, () -> connection.read(1024));
                connection.readTimeout(Duration.ZERO);

                assertEquals(0, flagsOfSocket(accepted.getPort()) & O_NONBLOCK,
                        "the gateway connection's descriptor is blocking");
            }
        }
    }

    @Test
    void anUnknownHostIsNamed() throws Exception {
        try (GatewaySocket connection = new GatewaySocket()) {
            UnknownHostException e = assertThrows(UnknownHostException.class,
                    () -> connection.connect("no-such-gateway.invalid", 3300, Duration.ofSeconds(5)));
            assertEquals("unknown host no-such-gateway.invalid", e.getMessage());
        }
    }

    /** The {@code flags} of this process's descriptor of the TCP socket whose local port is {@code port}. */
    private static int flagsOfSocket(int port) throws IOException {
        String inode = inodeOfLocalPort(port);
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : descriptors.toList()) {
                if (linkOf(fd).equals("socket:[" + inode + "]")) {
                    for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo", fd.getFileName().toString()))) {
                        if (line.startsWith("flags:")) {
                            return Integer.parseInt(line.substring("flags:".length()).trim(), 8);
                        }
                    }
                }
            }
        }
        throw new AssertionError("no descriptor of this process is the socket of local port " + port);
    }

    private static String linkOf(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return "";                                      // closed since it was listed
        }
    }

    /**
     * The socket's inode from {@code /proc/net/tcp} or {@code tcp6} (a dual-stack socket is there): the local address
     * is field 1 ({@code HEX:PORT}), the inode field 9.
     */
    private static String inodeOfLocalPort(int port) throws IOException {
        String suffix = ":" + String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.exists(Path.of(table)) ? Files.readAllLines(Path.of(table)) : List.of();
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields[1].endsWith(suffix)) {
                    return fields[9];
                }
            }
        }
        throw new AssertionError("no TCP socket with local port " + port + " in /proc/net/tcp or tcp6");
    }
}
