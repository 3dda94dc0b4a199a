package org.rfcbridge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A reference the interpolation plugin could not resolve is refused with what to fix, never used as a value. */
class ConfigurationReferencesTest {
    @Test
    void aSecretWhoseFileIsMissingNamesTheFile() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () ->
                ConfigurationReferences.requireResolved(Map.of("name", "Connection_to_Cloud",
                        "password", "$[secret:cloud-password]")));
        assertEquals("field password holds $[secret:cloud-password], which was not resolved: the file "
                + "etc/cloud-password is missing or not readable by the bridge's user", refused.getMessage());
    }

    @Test
    void anUnsetVariableNamesTheVariableWithoutItsDefault() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () ->
                ConfigurationReferences.requireResolved(Map.of("password", "$[env:CLOUD_PW;default=Fallback-Secret]")));
        assertEquals("field password holds $[env:CLOUD_PW], which was not resolved: the environment "
                + "variable CLOUD_PW is not set for the bridge's process", refused.getMessage());
    }

    @Test
    void resolvedValuesAndOtherTypesPass() {
        ConfigurationReferences.requireResolved(Map.of("password", "Pa$$word[1]", "port", 443,
                "headers", new String[] {"$[secret:x]"}));
    }
}
