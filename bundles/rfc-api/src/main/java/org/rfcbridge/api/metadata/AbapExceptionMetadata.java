package org.rfcbridge.api.metadata;

/**
 * A classic exception a function module declares ({@code EXCEPTIONS} in SE37).
 *
 * @param key  the exception name the ABAP caller's {@code EXCEPTIONS} clause maps, e.g. {@code NOT_FOUND}
 * @param text its short text (may be empty)
 */
public record AbapExceptionMetadata(String key, String text) {
}
