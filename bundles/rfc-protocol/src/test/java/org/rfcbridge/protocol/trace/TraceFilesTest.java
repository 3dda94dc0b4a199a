package org.rfcbridge.protocol.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfcbridge.protocol.ni.NiFrames;
import org.rfcbridge.api.trace.TraceDirectory;

/**
 * Trace files: NI records as the captures have them, every password item blanked, owner-only, bounded in size
 * and count; the next N calls traced and no more; only trace files removable.
 */
class TraceFilesTest {
    /** An item chain with a password item (0x0117) between two others. */
    private static final byte[] LOGON = {0x01, 0x11, 0x00, 0x03, 'D', 'E', 'V', 0x01, 0x11,
        0x01, 0x17, 0x00, 0x04, 0x5a, 0x5b, 0x5c, 0x5d, 0x01, 0x17,
        0x01, 0x14, 0x00, 0x03, '0', '0', '0', 0x01, 0x14};

    @TempDir
    Path directory;

    @Test
    void recordsAreWrittenAsNiRecordsWithThePasswordBlanked() throws IOException {
        TraceDirectory traces = new TraceDirectory(directory);
        try (WireTrace trace = TraceFile.open(traces, TraceDirectory.CPIC, "CLOUD_SYSTEM_VIA_BC", 10, 1 << 20)) {
            trace.record(LOGON);
            trace.record(new byte[] {1, 2, 3});
        }
        List<TraceDirectory.Entry> files = traces.list();
        assertEquals(1, files.size());
        Path file = directory.resolve(files.get(0).name());
        assertTrue(files.get(0).name().matches("\\d{8}-\\d{6}-\\d{3}-cpic-CLOUD_SYSTEM_VIA_BC-\\d+\\.bin"),
                files.get(0).name());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        List<NiFrames.Record> records = NiFrames.split(Files.readAllBytes(file), 1 << 20);
        byte[] blanked = LOGON.clone();
        Arrays.fill(blanked, 13, 17, (byte) 0);
        assertArrayEquals(blanked, records.get(0).payload(), "the password's 4 bytes are zeros, the rest as sent");
        assertArrayEquals(new byte[] {1, 2, 3}, records.get(1).payload());
    }

    @Test
    void aFileEndsAtItsSizeLimitWithWholeRecords() throws IOException {
        TraceDirectory traces = new TraceDirectory(directory);
        try (WireTrace trace = TraceFile.open(traces, TraceDirectory.WSRFC, "Connection_to_Cloud", 10, 100)) {
            for (int i = 0; i < 10; i++) {
                trace.record(new byte[30]);
            }
            assertEquals(100 - 2 * 34 - 4, trace.room(), "room for one more record's payload");
        }
        Path file = directory.resolve(traces.list().get(0).name());
        assertEquals(2 * 34, Files.size(file), "two records of 4 + 30 bytes fit in 100, a third does not");
        assertEquals(2, NiFrames.split(Files.readAllBytes(file), 1 << 20).size());
        assertTrue(TraceDirectory.isWsRfc(file));
    }

    @Test
    void theDirectoryKeepsTheNewestFiles() throws IOException {
        TraceDirectory traces = new TraceDirectory(directory);
        for (int i = 0; i < 5; i++) {
            TraceFile.open(traces, TraceDirectory.CPIC, "P", 3, 1 << 20).close();
        }
        assertEquals(3, traces.list().size());
    }

    @Test
    void theNextCallsAreTracedAndNoMore() throws IOException {
        TraceSwitch calls = new TraceSwitch(new TraceDirectory(directory), TraceDirectory.CPIC, "P", false, 100, 1 << 20);
        assertSame(WireTrace.OFF, calls.startCall());
        calls.traceNext(2);
        calls.startCall().close();
        calls.startCall().close();
        assertSame(WireTrace.OFF, calls.startCall());
        assertEquals(2, new TraceDirectory(directory).list().size());
    }

    @Test
    void onlyTraceFilesCanBeRemoved() throws IOException {
        TraceDirectory traces = new TraceDirectory(directory);
        Files.writeString(directory.resolve("other.txt"), "not a trace");
        assertThrows(IllegalArgumentException.class, () -> traces.remove("../other.txt"));
        assertThrows(IllegalArgumentException.class, () -> traces.remove("other.txt"));
        assertThrows(IllegalArgumentException.class, () -> traces.remove("missing.bin"));
        TraceFile.open(traces, TraceDirectory.CPIC, "P", 3, 1 << 20).close();
        traces.remove(traces.list().get(0).name());
        assertEquals(List.of(), traces.list());
        assertTrue(Files.exists(directory.resolve("other.txt")));
    }
}
