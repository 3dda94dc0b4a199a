package org.rfcbridge.api;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * References in a configuration that Config Admin's interpolation plugin left as they were: {@code $[secret:NAME]}
 * whose file {@code etc/NAME} is missing or unreadable, {@code $[env:NAME]} whose variable is not set. The plugin
 * passes such a reference on as text, and a component would use it as the value: a destination would log on to the
 * cloud with the text as password, and failed logons lock the communication user.
 */
public final class ConfigurationReferences {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\[(secret|env):([^\\]]*)\\]");

    private ConfigurationReferences() {
    }

    /**
     * Refuses a configuration that still holds a reference.
     *
     * @param properties the configuration as the component received it
     * @throws IllegalArgumentException naming the field and what is missing (never a value, nor a reference's
     *                                  options)
     */
    public static void requireResolved(Map<String, ?> properties) {
        for (Map.Entry<String, ?> field : new TreeMap<>(properties).entrySet()) {
            if (!(field.getValue() instanceof String text)) {
                continue;
            }
            Matcher reference = REFERENCE.matcher(text);
            if (reference.find()) {
                // the kind and name only: a reference's options may hold a value (default=...), even a password
                String name = reference.group(2).split(";", 2)[0];
                throw new IllegalArgumentException("field " + field.getKey() + " holds $[" + reference.group(1) + ":"
                        + name + "], which was not resolved: " + ("secret".equals(reference.group(1))
                        ? "the file etc/" + name + " is missing or not readable by the bridge's user"
                        : "the environment variable " + name + " is not set for the bridge's process"));
            }
        }
    }
}
