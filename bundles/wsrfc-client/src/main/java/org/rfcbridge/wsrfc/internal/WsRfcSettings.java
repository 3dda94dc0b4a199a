package org.rfcbridge.wsrfc.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * A WebSocket RFC destination's settings, checked: the host is the API host name only (SAP's tutorial
 * warns against entering the {@code https://} URL), the language is SAP's one-character key.
 *
 * @param name           destination name, e.g. Connection_to_Cloud
 * @param host           API host, without scheme or path
 * @param port           port, 443
 * @param path           service path, {@code /sap/bc/rfc}
 * @param subprotocol    WebSocket subprotocol, {@code rfc.sap.com} (reverse engineered, overridable)
 * @param user           logon user (the alias user of the communication user)
 * @param password       password (never logged)
 * @param client         client (empty: the system's default is not known, so 3 digits are required)
 * @param language       SAP language key, one character
 * @param connectTimeout connect and upgrade timeout
 * @param callTimeout    how long a call may take
 */
record WsRfcSettings(String name, String host, int port, String path, String subprotocol, String user, String password,
                     String client, String language, Duration connectTimeout, Duration callTimeout) {
    /** ISO 639-1 codes to SAP's one-character language keys (the common ones; one character passes as is). */
    private static final Map<String, String> LANGUAGES = Map.ofEntries(Map.entry("EN", "E"), Map.entry("DE", "D"),
            Map.entry("FR", "F"), Map.entry("ES", "S"), Map.entry("IT", "I"), Map.entry("PT", "P"), Map.entry("NL", "N"),
            Map.entry("DA", "K"), Map.entry("FI", "U"), Map.entry("SV", "V"), Map.entry("NO", "O"), Map.entry("PL", "L"),
            Map.entry("CS", "C"), Map.entry("EL", "G"), Map.entry("RU", "R"), Map.entry("JA", "J"), Map.entry("ZH", "1"),
            Map.entry("KO", "3"), Map.entry("TR", "T"), Map.entry("HU", "H"));

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException naming the field and what to enter
     */
    WsRfcSettings {
        String h = host == null ? "" : host.trim();
        if (h.isEmpty()) {
            throw new IllegalArgumentException("field host is empty: enter the cloud system's API host, e.g. "
                    + "my-api.s4hana.cloud.sap");
        }
        if (h.contains("://") || h.contains("/")) {
            String bare = h.replaceFirst("^[a-zA-Z]+://", "");
            bare = bare.contains("/") ? bare.substring(0, bare.indexOf('/')) : bare;
            throw new IllegalArgumentException("field host '" + h + "' must be the host name only, without https:// "
                    + "or a path: enter " + bare);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("field port " + port + " is not a port (1-65535)");
        }
        if (client == null || !client.matches("\\d{3}")) {
            throw new IllegalArgumentException("field client '" + client + "' must be three digits, e.g. 100");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("field alias.user (or user) is empty");
        }
        String upper = language == null || language.isBlank() ? "E" : language.trim().toUpperCase(Locale.ROOT);
        String key = upper.length() == 1 ? upper : LANGUAGES.get(upper);
        if (key == null) {
            throw new IllegalArgumentException("field language '" + language + "' is neither SAP's one-character key nor "
                    + "a known ISO code");
        }
        host = h;
        language = key;
        path = path == null || path.isBlank() ? "/sap/bc/rfc" : path;
    }

    /** The WebSocket URL. */
    String url() {
        return "wss://" + host + ":" + port + path;
    }

    @Override
    public String toString() {
        return "WsRfcSettings[" + name + " " + url() + " user=" + user + " client=" + client + " password=***]";
    }
}
