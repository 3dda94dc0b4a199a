package org.rfcbridge.simulators.onprem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The gateway's {@code reginfo} ACL in SAP's syntax: {@code #VERSION=2} first, then lines
 * {@code P|D TP=<program id or pattern> HOST=<host or pattern> [ACCESS=...] [CANCEL=...]}; the first
 * line whose TP and HOST match decides (P permits, D denies); no match denies. Without a file only
 * registrations from the local host are allowed. Only TP and HOST are evaluated; ACCESS and CANCEL
 * are read but concern callers and cancellation, which the simulator does not restrict.
 */
public final class Reginfo {
    private final List<Rule> rules;
    private final boolean localOnly;

    private record Rule(boolean permit, Pattern tp, Pattern host, String line) {
    }

    private Reginfo(List<Rule> rules, boolean localOnly) {
        this.rules = rules;
        this.localOnly = localOnly;
    }

    /** No file: only local registrations. */
    public static Reginfo localOnly() {
        return new Reginfo(List.of(), true);
    }

    /**
     * Reads a reginfo file.
     *
     * @throws IOException if it cannot be read, or a line is not in SAP's syntax (naming the line)
     */
    public static Reginfo read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).trim().equalsIgnoreCase("#VERSION=2")) {
            throw new IOException(file + ": the first line must be #VERSION=2");
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (!parts[0].equals("P") && !parts[0].equals("D")) {
                throw new IOException(file + " line " + (i + 1) + ": starts with '" + parts[0] + "', expected P or D");
            }
            String tp = null;
            String host = null;
            for (int k = 1; k < parts.length; k++) {
                String[] pair = parts[k].split("=", 2);
                if (pair.length != 2) {
                    throw new IOException(file + " line " + (i + 1) + ": '" + parts[k] + "' is not KEY=VALUE");
                }
                switch (pair[0].toUpperCase(Locale.ROOT)) {
                    case "TP": tp = pair[1]; break;
                    case "HOST": host = pair[1]; break;
                    case "ACCESS": case "CANCEL": case "NO": break;
                    default: throw new IOException(file + " line " + (i + 1) + ": unknown key " + pair[0]);
                }
            }
            if (tp == null) {
                throw new IOException(file + " line " + (i + 1) + ": TP= is missing");
            }
            rules.add(new Rule(parts[0].equals("P"), glob(tp), glob(host == null ? "*" : host), line));
        }
        return new Reginfo(List.copyOf(rules), false);
    }

    /** True if a registration of this Program ID from this host is allowed. */
    public boolean allows(String programId, String host, boolean local) {
        if (localOnly) {
            return local;
        }
        for (Rule rule : rules) {
            if (rule.tp().matcher(programId).matches() && (rule.host().matcher(host).matches()
                    || (local && rule.host().matcher("local").matches()))) {
                return rule.permit();
            }
        }
        return false;
    }

    private static Pattern glob(String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            regex.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
