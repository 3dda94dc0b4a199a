package org.rfcbridge.api.trace;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The directory of wire traces, {@code data/trace/} of the runtime: one file per traced call, named
 * {@code TIME-KIND-NAME-N.bin} ({@code KIND} is {@code cpic} for a listener's NI records and {@code wsrfc} for a
 * destination's WebSocket messages). It holds at most a number of files: making one more removes the oldest.
 */
public final class TraceDirectory {
    /** The files' suffix. */
    public static final String SUFFIX = ".bin";
    /** A trace of WebSocket RFC messages (one record per message), as its file name says. */
    public static final String WSRFC = "wsrfc";
    /** A trace of a listener's NI records. */
    public static final String CPIC = "cpic";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    /** A name the directory may hold: no path, nothing a shell or another directory could make of it. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_.-]+\\" + SUFFIX);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** A trace file as the console lists it. */
    public record Entry(String name, long bytes, Instant modified) {
    }

    private final Path directory;

    public TraceDirectory(Path directory) {
        this.directory = directory;
    }

    /** {@code data/trace/} of the Karaf runtime. */
    public static TraceDirectory ofRuntime() {
        return new TraceDirectory(Path.of(System.getProperty("karaf.data", "data")).resolve("trace"));
    }

    public Path path() {
        return directory;
    }

    /**
     * The path of a new trace file for one call, after removing the oldest files so that at most
     * {@code maxFiles} remain with it.
     *
     * @param kind     {@link #CPIC} or {@link #WSRFC}
     * @param name     the listener's Program ID or the destination's name
     * @param maxFiles files kept at most, this one included
     */
    public Path newFile(String kind, String name, int maxFiles) throws IOException {
        Files.createDirectories(directory);
        prune(Math.max(1, maxFiles) - 1);
        // the sequence padded, so that names sort as the calls came, also within a millisecond
        String file = TIME.format(Instant.now()) + "-" + kind + "-" + name.replaceAll("[^A-Za-z0-9_.-]", "_") + "-"
                + String.format(Locale.ROOT, "%06d", SEQUENCE.incrementAndGet() % 1_000_000) + SUFFIX;
        return directory.resolve(file);
    }

    /** The traces, oldest first. */
    public List<Entry> list() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                entries.add(new Entry(file.getFileName().toString(), Files.size(file),
                        Files.getLastModifiedTime(file).toInstant()));
            }
        }
        entries.sort(Comparator.comparing(Entry::name));
        return entries;
    }

    /**
     * Removes one trace.
     *
     * @throws IllegalArgumentException if the name is not a trace's (a path, another suffix) or there is none
     */
    public void remove(String name) throws IOException {
        if (!FILE_NAME.matcher(name).matches() || name.startsWith(".")) {
            throw new IllegalArgumentException("'" + name + "' is not the name of a trace file (rfc:trace-list shows "
                    + "them)");
        }
        if (!Files.deleteIfExists(directory.resolve(name))) {
            throw new IllegalArgumentException("No trace file " + name + " in " + directory);
        }
    }

    /** Removes the oldest traces until at most {@code keep} remain. */
    private void prune(int keep) throws IOException {
        List<Entry> entries = list();
        for (int i = 0; i < entries.size() - keep; i++) {
            Files.deleteIfExists(directory.resolve(entries.get(i).name()));
        }
    }

    /** True if a file's name says it holds WebSocket RFC messages. */
    public static boolean isWsRfc(Path file) {
        return file.getFileName().toString().contains("-" + WSRFC + "-");
    }
}
