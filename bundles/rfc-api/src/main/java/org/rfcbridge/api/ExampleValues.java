package org.rfcbridge.api;

/**
 * The placeholders of the example configuration the release ships ({@code etc/examples/}): a value that starts
 * with {@value #PLACEHOLDER} was copied without entering the site's own. Configurations refuse it, naming the field,
 * instead of failing later at a connection to a host named like a placeholder.
 */
public final class ExampleValues {
    /** How every placeholder of the examples begins, e.g. {@code ENTER-YOUR-API-HOST}. */
    public static final String PLACEHOLDER = "ENTER-";

    private ExampleValues() {
    }

    /**
     * Refuses a placeholder.
     *
     * @throws IllegalArgumentException naming the field, if the value is one
     */
    public static void refusePlaceholder(String field, String value) {
        if (value != null && value.trim().startsWith(PLACEHOLDER)) {
            throw new IllegalArgumentException("field " + field + " still holds the example's placeholder '"
                    + value.trim() + "': enter your own value (etc/examples/README.txt)");
        }
    }
}
