package org.rfcbridge.cpic.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Factory PID {@code org.rfcbridge.cpic.listener}: SAP BC's "Add Listener". */
@ObjectClassDefinition(name = "RFC Bridge Listener (registered server program)",
        description = "Registers a Program ID at an on-prem gateway and takes the calls of the SM59 destination of "
                + "type T that names it (SAP BC: Add Listener).")
@interface CpicListenerConfig {
    @AttributeDefinition(name = "Name", description = "The listener's name.")
    String name();

    @AttributeDefinition(name = "SAP server", description = "The CPIC server (org.rfcbridge.cpic.server name) whose "
            + "gateway to register at, e.g. Connection_to_OP.")
    String server();

    @AttributeDefinition(name = "Program ID", description = "As in SM59 (registered server program), e.g. "
            + "CLOUD_SYSTEM_VIA_BC: 1 to 63 characters, no blanks, no *. Case-sensitive.")
    String program_id();

    @AttributeDefinition(name = "Number of threads", min = "1", max = "100",
            description = "Registered connections, each serving one call at a time.")
    int connections() default 5;

    @AttributeDefinition(name = "Repository server", description = "The destination whose DDIC describes the "
            + "functions (e.g. Connection_to_Cloud).")
    String repository();

    @AttributeDefinition(name = "Enabled")
    boolean enabled() default true;

    @AttributeDefinition(name = "Forward connection tests", description = "Answer SM59's connection test by pinging "
            + "the routed destination instead of answering it here.")
    boolean ping_forward() default false;

    @AttributeDefinition(name = "Connect timeout (s)", min = "1")
    int connect_timeout() default 10;

    @AttributeDefinition(name = "Longest retry interval (s)", min = "1",
            description = "Reconnects start after 1 s and double up to this.")
    int retry_max() default 60;

    @AttributeDefinition(name = "Stop timeout (s)", min = "0",
            description = "How long stopping waits for calls in flight.")
    int stop_timeout() default 30;

    @AttributeDefinition(name = "Gateway write timeout (s)", min = "1", description = "How long a reply may wait for a "
            + "gateway that takes no data before the connection is closed and registered again.")
    int write_timeout() default 60;

    @AttributeDefinition(name = "Gateway read timeout (s)", min = "1", description = "How long the gateway may take "
            + "to answer the registration, and to finish a record or a call it has begun sending, before the "
            + "connection is closed and registered again.")
    int read_timeout() default 60;

    @AttributeDefinition(name = "Largest call (MB)", min = "0", description = "The most a call relayed to one "
            + "connection may hold while it arrives; 0: derived from the heap (a quarter of it shared by the "
            + "connections, at least 16 MB). A larger call is read to its end without being kept and answered "
            + "with SYSTEM_FAILURE naming this setting.")
    int max_request_mb() default 0;

    @AttributeDefinition(name = "Table compression", options = {@Option(label = "none", value = "none"),
        @Option(label = "LZH from 8,193 bytes", value = "lzh"), @Option(label = "LZC from 8,193 bytes", value = "lzc")},
            description = "How the tables of replies to the ABAP caller are written. 'none' (per row) is always valid. "
            + "lzh or lzc compress every table from 8,193 bytes as SAP's systems do; that SAP accepts our "
            + "compressed tables is not verified against a real system. Calls are read in every form.")
    String table_compression() default "none";

    @AttributeDefinition(name = "Largest frame (bytes)", min = "1024",
            description = "Larger NI records close the connection, which registers again.")
    int max_frame_size() default 16777216;

    @AttributeDefinition(name = "Provider", description = "Who does the wire work: native (RFC Bridge) or jco (SAP "
            + "JCo, installed at the site with ./rfcbridge install-jco; see docs/jco.md).", options = {
                @Option(label = "RFC Bridge (native)", value = "native"), @Option(label = "SAP JCo", value = "jco")})
    String provider() default "native";

    /** The Web Console lists factory configurations by this. */
    String webconsole_configurationFactory_nameHint() default "{name}: {program.id} at {server}";

    @AttributeDefinition(name = "Values in the call log", description = "Write the values of each call's IMPORTING "
            + "and CHANGING parameters into the call log (tables as row counts, fields named like a password as ***, at "
            + "most 1,000 characters). Off: the call log holds no value.")
    boolean call_log_values() default false;

    @AttributeDefinition(name = "Trace", description = "Write every call's NI records to a file in data/trace/ "
            + "(passwords blanked), for a support case; rfc:trace traces only the next calls")
    boolean trace() default false;

    @AttributeDefinition(name = "Trace files kept", min = "1", description = "Trace files data/trace/ holds at most; "
            + "a new one removes the oldest")
    int trace_max_files() default 100;

    @AttributeDefinition(name = "Trace file size (MB)", min = "1", description = "A trace file ends at this size; "
            + "later records of the call are left out")
    int trace_max_mb() default 16;
}
