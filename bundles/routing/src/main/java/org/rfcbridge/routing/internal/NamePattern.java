package org.rfcbridge.routing.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A sender, receiver or function pattern: a name, {@code *} for anything, or a name with {@code *}
 * (any characters) and {@code ?} (one character). Compared without regard to case, since ABAP names
 * are upper case but people type them in any case. Compiled once when the rule is configured.
 */
final class NamePattern {
    /** What a name or pattern may contain: ABAP names, namespaces ({@code /BC/}), wildcards. */
    private static final Pattern ALLOWED = Pattern.compile("[A-Z0-9_/*?$%.\\-]+");

    private final String text;
    private final String exact;
    private final Pattern wildcard;

    private NamePattern(String text, String exact, Pattern wildcard) {
        this.text = text;
        this.exact = exact;
        this.wildcard = wildcard;
    }

    /**
     * Compiles a pattern.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static NamePattern compile(String text) {
        String upper = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (upper.isEmpty()) {
            throw new IllegalArgumentException("is empty; use * for any");
        }
        if (!ALLOWED.matcher(upper).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a name or pattern (letters, digits, _ / $ % . -"
                    + " and the wildcards * and ?)");
        }
        if (upper.equals("*")) {
            return new NamePattern(upper, null, null);
        }
        if (upper.indexOf('*') < 0 && upper.indexOf('?') < 0) {
            return new NamePattern(upper, upper, null);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : upper.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new NamePattern(upper, null, Pattern.compile(regex.toString()));
    }

    /** True if the (upper-case) name matches. */
    boolean matches(String upperName) {
        if (exact != null) {
            return exact.equals(upperName);
        }
        return wildcard == null || wildcard.matcher(upperName).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
