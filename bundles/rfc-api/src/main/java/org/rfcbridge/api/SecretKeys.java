package org.rfcbridge.api;

import java.util.regex.Pattern;

/**
 * Which configuration keys hold secrets (a password, a key store password, a token): what the audit log shows as
 * {@code ***} and a configuration export never writes.
 */
public final class SecretKeys {
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|passphrase|token|credential).*");

    private SecretKeys() {
    }

    /** True if the key names a secret. */
    public static boolean isSecret(String key) {
        return SECRET.matcher(key).matches();
    }
}
