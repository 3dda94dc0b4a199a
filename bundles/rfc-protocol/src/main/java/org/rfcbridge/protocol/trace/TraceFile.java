package org.rfcbridge.protocol.trace;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import org.rfcbridge.api.trace.TraceDirectory;
import org.rfcbridge.protocol.Bytes;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.ni.NiFrames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trace as a file of NI records, the format of the captures in {@code shared/vectors/sap-captures/}, which
 * {@code ./rfcbridge decode} reads. Every password item ({@code 0x0117}) has its value overwritten with zeros
 * before it is written; the file is readable by its owner only and ends at its size limit (what comes after is
 * left out, the records before it stay whole). A disk that fails ends the trace, never the call.
 */
final class TraceFile implements WireTrace {
    private static final Logger LOG = LoggerFactory.getLogger(TraceFile.class);

    private final Path file;
    private final long maxBytes;
    private OutputStream out;
    private long written;

    /**
     * A new trace for one call in the directory, or {@link WireTrace#OFF} if the directory cannot take it (logged).
     *
     * @param kind     {@link TraceDirectory#CPIC} or {@link TraceDirectory#WSRFC}
     * @param name     the listener's Program ID or the destination's name
     * @param maxFiles files kept at most, this one included
     * @param maxBytes the file's size limit
     */
    static WireTrace open(TraceDirectory directory, String kind, String name, int maxFiles, long maxBytes) {
        try {
            return new TraceFile(directory.newFile(kind, name, maxFiles), maxBytes);
        } catch (IOException e) {
            LOG.warn("No trace of this call of {}: cannot write in {}: {}", name, directory.path(), e.toString());
            return WireTrace.OFF;
        }
    }

    private TraceFile(Path file, long maxBytes) throws IOException {
        this.file = file;
        this.maxBytes = maxBytes;
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);         // a file system without POSIX modes (Windows): the directory's rights hold
        }
        this.out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.WRITE));
    }

    @Override
    public synchronized void record(byte[] payload, int offset, int length) {
        if (out == null || written + 4 + length > maxBytes) {
            return;
        }
        byte[] copy = Arrays.copyOfRange(payload, offset, offset + length);
        blankPasswords(copy);
        try {
            NiFrames.write(out, copy, 0, copy.length);
            written += 4 + length;
        } catch (IOException e) {
            LOG.warn("Trace {} ends early: {}", file, e.toString());
            close();
        }
    }

    @Override
    public synchronized long room() {
        return out == null ? 0 : Math.max(0, maxBytes - written - 4);
    }

    /**
     * Overwrites the value of every password item with zeros: an item {@code 0x0117}, its 2-byte length, the value
     * and the id again, wherever in the record it is (the logon of a relayed call, a WebSocket RFC LOGON). A run of
     * bytes that only looks like one is zeroed too: a trace may lose a few bytes, never show a password.
     */
    static void blankPasswords(byte[] record) {
        for (int i = 0; i + 6 <= record.length; i++) {
            if (Bytes.u16(record, i) != ItemIds.PASSWORD) {
                continue;
            }
            int length = Bytes.u16(record, i + 2);
            int end = i + 4 + length;
            if (end + 2 <= record.length && Bytes.u16(record, end) == ItemIds.PASSWORD) {
                Arrays.fill(record, i + 4, end, (byte) 0);
                i = end + 1;
            }
        }
    }

    @Override
    public synchronized void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("Trace {} may be incomplete: {}", file, e.toString());
        }
        out = null;
    }
}
