package org.rfcbridge.monitoring.internal;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.felix.utils.properties.TypedProperties;

/**
 * A {@code .cfg} file in {@code etc/} brought up to date with its configuration's values in Config Admin: only the
 * keys whose values differ are written (comments, order and the {@code ${...}} of unchanged keys stay as the
 * administrator wrote them), by Karaf's own {@code .cfg} writer ({@link TypedProperties}, so that Felix FileInstall
 * reads back the values Config Admin holds), into a file beside it that then replaces it in one rename, so
 * FileInstall, which polls the directory, never reads half a file. A single value is written as its text (the
 * components read {@code 7} and {@code Integer 7} alike); only a list needs Karaf's typed syntax, which then
 * applies to the whole file.
 */
final class CfgFile {
    /** Keys Config Admin and FileInstall keep for themselves, never written to the file. */
    static final Set<String> BOOKKEEPING = Set.of("service.pid", "service.factoryPid", "felix.fileinstall.filename",
            "service.bundleLocation", ":org.apache.felix.configadmin.revision:");

    private CfgFile() {
    }

    /**
     * Writes the values that differ from the file's into it.
     *
     * @param substitution resolves {@code ${...}} as FileInstall does when it reads the file, so a value it resolved
     *                     compares equal to the text it came from
     * @return whether the file was written (false: it holds these values already)
     */
    static boolean writeBack(Path file, Dictionary<String, Object> values,
                             TypedProperties.SubstitutionCallback substitution) throws IOException {
        TypedProperties written = new TypedProperties(substitution);
        written.load(file.toFile());
        boolean changed = false;
        for (String key : new ArrayList<>(written.keySet())) {
            if (values.get(key) == null && !BOOKKEEPING.contains(key)) {
                written.remove(key);
                changed = true;
            }
        }
        for (String key : Collections.list(values.keys())) {
            Object value = values.get(key);
            if (!BOOKKEEPING.contains(key) && !same(written.get(key), value)) {
                // a single value as its text: a typed one (I"7") would turn the whole file into Karaf's typed
                // syntax, which writes every value again, resolved, and the administrator's ${...} are lost
                written.put(key, value.getClass().isArray() || value instanceof Iterable<?> ? value
                        : value.toString());
                changed = true;
            }
        }
        if (changed) {
            replace(file, written);
        }
        return changed;
    }

    private static void replace(Path file, TypedProperties content) throws IOException {
        // a name FileInstall's filter (*.cfg, *.config, *.json) does not take, in the same directory for the rename
        Path partial = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".partial");
        try {
            PosixFileAttributeView permissions = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (permissions != null) {
                Files.setPosixFilePermissions(partial, permissions.readAttributes().permissions());
            }
            content.save(partial.toFile());
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Whether the file's value is the configuration's: equal objects, equal arrays element by element, or the
     * same text (a value typed in the web console, {@code Integer 5}, against {@code 5} in the file, is the same
     * setting, and rewriting it would only turn the administrator's file into typed syntax).
     */
    static boolean same(Object inFile, Object inConfiguration) {
        if (inFile == null || inConfiguration == null) {
            return inFile == inConfiguration;
        }
        if (inFile.getClass().isArray() || inConfiguration.getClass().isArray()) {
            return elements(inFile).equals(elements(inConfiguration));
        }
        return Objects.equals(inFile, inConfiguration) || inFile.toString().equals(inConfiguration.toString());
    }

    private static List<String> elements(Object value) {
        List<String> elements = new ArrayList<>();
        if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                elements.add(String.valueOf(Array.get(value, i)));
            }
        } else if (value instanceof Iterable<?> items) {
            items.forEach(item -> elements.add(String.valueOf(item)));
        } else {
            elements.add(value.toString());
        }
        return elements;
    }
}
