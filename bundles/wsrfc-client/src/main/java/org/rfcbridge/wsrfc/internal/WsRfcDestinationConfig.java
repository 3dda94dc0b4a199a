package org.rfcbridge.wsrfc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Factory PID {@code org.rfcbridge.wsrfc.destination}: SAP BC's "Add SAP Server", connection type WebSocket. */
@ObjectClassDefinition(name = "RFC Bridge WebSocket RFC destination",
        description = "A cloud ABAP system reached over WebSocket RFC (SAP BC: Add SAP Server, WebSocket connection), "
                + "e.g. Connection_to_Cloud.")
@interface WsRfcDestinationConfig {
    @AttributeDefinition(name = "Name", description = "The destination's name, used by routing rules and listeners.")
    String name();

    @AttributeDefinition(name = "Host", description = "The cloud system's API host only, e.g. "
            + "my123456-api.s4hana.cloud.sap: no https:// and no path.")
    String host();

    @AttributeDefinition(name = "Port", min = "1", max = "65535")
    int port() default 443;

    @AttributeDefinition(name = "Logon type", options = {
        @Option(label = "User and password", value = "password"),
        @Option(label = "Client certificate (PKCS#12 key store)", value = "client-certificate")})
    String logon_type() default "password";

    @AttributeDefinition(name = "User", required = false, description = "The communication user; used when no alias "
            + "user is given.")
    String user() default "";

    @AttributeDefinition(name = "Alias user", required = false, description = "The communication user's alias user, "
            + "e.g. BC_USER000 (what the cloud's communication arrangement shows).")
    String alias_user() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "May be $[secret:NAME] or $[env:NAME]. Never shown.")
    String password() default "";

    @AttributeDefinition(name = "Key store", required = false, description = "PKCS#12 file with the client "
            + "certificate and its key (logon type client-certificate), relative to the Karaf home or absolute.")
    String keystore() default "";

    @AttributeDefinition(name = "Key store password", type = AttributeType.PASSWORD, required = false)
    String keystore_password() default "";

    @AttributeDefinition(name = "Client", required = false, description = "Three digits, e.g. 100.")
    String client() default "100";

    @AttributeDefinition(name = "Language", description = "SAP key (E) or ISO code (EN).")
    String language() default "EN";

    @AttributeDefinition(name = "Network", options = {@Option(label = "WAN (slow network)", value = "WAN"),
        @Option(label = "LAN", value = "LAN")}, description = "Recorded for SAP BC compatibility; both use the same "
            + "serialization today.")
    String network() default "WAN";

    @AttributeDefinition(name = "Table compression", options = {@Option(label = "none", value = "none"),
        @Option(label = "LZH from 8,193 bytes", value = "lzh"), @Option(label = "LZC from 8,193 bytes", value = "lzc")},
            description = "How the tables of requests to the cloud are written. 'none' (per row) is always valid. "
            + "lzh or lzc compress every table from 8,193 bytes as SAP's systems do; that SAP accepts our "
            + "compressed tables is not verified against a real system. Replies are read in every form.")
    String table_compression() default "none";

    @AttributeDefinition(name = "Trust store", description = "Which trust store verifies the server: 'default' is "
            + "etc/trust (org.rfcbridge.truststore).")
    String trust() default "default";

    @AttributeDefinition(name = "Use secure proxy", description = "Connect through the HTTPS proxy of "
            + "org.rfcbridge.proxy (HTTP CONNECT with basic authentication).")
    boolean proxy() default false;

    @AttributeDefinition(name = "Connect timeout (s)", min = "1")
    int connect_timeout() default 10;

    @AttributeDefinition(name = "Call timeout (s)", min = "1", description = "How long one call may take.")
    int call_timeout() default 60;

    @AttributeDefinition(name = "Ping period (s)", min = "0", description = "WebSocket ping on idle sessions; 0 for "
            + "none.")
    int ping_period() default 300;

    @AttributeDefinition(name = "Pong timeout (s)", min = "1", description = "A session whose pong does not come "
            + "within this time is closed and opened again on the next call.")
    int pong_timeout() default 60;

    @AttributeDefinition(name = "Pool size", min = "1", max = "200", description = "WebSocket sessions, each with "
            + "one call in flight; the listener's number of threads is a good value.")
    int pool_size() default 5;

    @AttributeDefinition(name = "Largest reply (MB)", min = "1", description = "Largest reply accepted. Replies pass "
            + "through while they arrive, so this bounds a call's traffic, not the bridge's memory.")
    int max_message_mb() default 1024;

    @AttributeDefinition(name = "Largest item (MB)", min = "1", description = "The most the cloud may send without "
            + "completing an item (one parameter value, table row or XML chunk): what the bridge holds for a call "
            + "while it waits, however the cloud cuts or fragments its messages. A larger item ends the call with "
            + "COMMUNICATION_FAILURE.")
    int max_item_mb() default 64;

    @AttributeDefinition(name = "Path", description = "The WebSocket RFC service path.")
    String path() default "/sap/bc/rfc";

    @AttributeDefinition(name = "WebSocket subprotocol", description = "Known from reverse engineering only "
            + "(protocol-wsrfc-2026.md 1.3); change it only to match a system that wants another.")
    String upgrade_subprotocol() default "rfc.sap.com";

    @AttributeDefinition(name = "Upgrade headers", required = false, description = "Extra or replaced headers of the "
            + "WebSocket upgrade, each 'name: value'. Defaults (reverse engineered): sap-client and sap-language from "
            + "the fields above, sap-rfc-options: rfc-delta=off, sap-rfc-subtype: sync.")
    String[] upgrade_headers() default {};

    @AttributeDefinition(name = "Provider", description = "Who does the wire work: native (RFC Bridge) or jco (SAP "
            + "JCo, installed at the site with ./rfcbridge install-jco; see docs/jco.md).", options = {
                @Option(label = "RFC Bridge (native)", value = "native"), @Option(label = "SAP JCo", value = "jco")})
    String provider() default "native";

    @AttributeDefinition(name = "Trace", description = "Write every call's WebSocket messages to a file in "
            + "data/trace/ (passwords blanked), for a support case; rfc:trace traces only the next calls")
    boolean trace() default false;

    @AttributeDefinition(name = "Trace files kept", min = "1", description = "Trace files data/trace/ holds at most; "
            + "a new one removes the oldest")
    int trace_max_files() default 100;

    @AttributeDefinition(name = "Trace file size (MB)", min = "1", description = "A trace file ends at this size; "
            + "later messages of the call are left out")
    int trace_max_mb() default 16;
}
