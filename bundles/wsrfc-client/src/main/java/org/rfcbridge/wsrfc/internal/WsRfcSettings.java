package org.rfcbridge.wsrfc.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.rfcbridge.api.ExampleValues;
import org.rfcbridge.protocol.classic.TableCompression;

/**
 * A WebSocket RFC destination's settings, checked: the host is the API host name only (SAP's tutorial
 * warns against entering the {@code https://} URL), the language is SAP's one-character key.
 *
 * @param name           destination name, e.g. Connection_to_Cloud
 * @param host           API host, without scheme or path
 * @param port           port, 443
 * @param path           service path, {@code /sap/bc/rfc}
 * @param subprotocol    WebSocket subprotocol, {@code rfc.sap.com} (reverse engineered, overridable)
 * @param headerOverrides upgrade headers replacing or adding to {@link #upgradeHeaders()}'s defaults
 * @param user           logon user (the alias user of the communication user)
 * @param password       password (never logged)
 * @param client         client (empty: the system's default is not known, so 3 digits are required)
 * @param language       SAP language key, one character
 * @param connectTimeout connect and upgrade timeout
 * @param callTimeout    how long a call may take
 * @param tableCompression how the tables of requests are written (replies are read in every form)
 */
record WsRfcSettings(String name, String host, int port, String path, String subprotocol,
                     Map<String, String> headerOverrides, String user, String password, String client, String language,
                     Duration connectTimeout, Duration callTimeout, TableCompression tableCompression) {
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
        ExampleValues.refusePlaceholder("host", host);
        ExampleValues.refusePlaceholder("alias.user/user", user);
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
        if (!h.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")) {
            throw new IllegalArgumentException("field host '" + h + "' is not a host name: letters, digits, dots and "
                    + "hyphens, e.g. my-api.s4hana.cloud.sap");
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
        if (path != null && !path.isBlank() && !path.matches("/[A-Za-z0-9/._~-]*")) {
            throw new IllegalArgumentException("field path '" + path + "' must start with / and hold only letters, "
                    + "digits and / . _ ~ -, e.g. /sap/bc/rfc");
        }
        if (subprotocol == null || subprotocol.isBlank()) {
            throw new IllegalArgumentException("field upgrade.subprotocol is empty: the known value is rfc.sap.com");
        }
        host = h;
        language = key;
        path = path == null || path.isBlank() ? "/sap/bc/rfc" : path;
        headerOverrides = Map.copyOf(headerOverrides == null ? Map.of() : headerOverrides);
        tableCompression = tableCompression == null ? TableCompression.NONE : tableCompression;
    }

    /** Settings whose requests carry their tables uncompressed (the default). */
    WsRfcSettings(String name, String host, int port, String path, String subprotocol,
                  Map<String, String> headerOverrides, String user, String password, String client, String language,
                  Duration connectTimeout, Duration callTimeout) {
        this(name, host, port, path, subprotocol, headerOverrides, user, password, client, language, connectTimeout,
                callTimeout, TableCompression.NONE);
    }

    /**
     * Reads {@code upgrade.headers} entries of the form {@code name: value}.
     *
     * @throws IllegalArgumentException naming the malformed entry
     */
    static Map<String, String> parseHeaders(String[] entries) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            int colon = entry.indexOf(':');
            if (colon <= 0 || !entry.substring(0, colon).trim().matches("[A-Za-z0-9-]+")) {
                throw new IllegalArgumentException("field upgrade.headers entry '" + entry + "' is not 'name: value'");
            }
            headers.put(entry.substring(0, colon).trim().toLowerCase(Locale.ROOT), entry.substring(colon + 1).trim());
        }
        return headers;
    }

    /**
     * The headers of the WebSocket upgrade: what SAP's SDK sends according to the reverse engineering
     * ({@code protocol-wsrfc-2026.md} §1.3, not verified against SAP), then the configured overrides.
     */
    Map<String, String> upgradeHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("sap-client", client);
        headers.put("sap-language", language);
        headers.put("sap-rfc-options", "rfc-delta=off");
        headers.put("sap-rfc-subtype", "sync");
        headers.putAll(headerOverrides);
        return headers;
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
