package org.rfcbridge.protocol.item;

import java.util.HashMap;
import java.util.Map;

/**
 * The RFC item ids ({@code protocol-cpic.md} §2.7.7 and {@code protocol-cpic-2026.md}), by name. Names are
 * ours where no source gives one; the comment of each says what is known. "Meaning unknown" ids are
 * carried and printed but never interpreted.
 */
public final class ItemIds {
    /** First item of a gateway-relayed logon chain (open-rfc-go). */
    public static final int LOGON_CHAIN_START = 0x0002;
    /** ABAP-to-ABAP logon, e.g. WAS (SAPology). */
    public static final int CALLER_COMPONENT = 0x0003;
    /** Destination. */
    public static final int DESTINATION = 0x0006;
    /** Client IP address. */
    public static final int CLIENT_ADDRESS = 0x0007;
    /** Partner host or instance name. */
    public static final int PARTNER_HOST = 0x0008;
    /** Operating-system or caller user (pysap). */
    public static final int CALLER_USER = 0x0009;
    /** Kernel or RFC release, e.g. 754. */
    public static final int KERNEL_RELEASE = 0x000b;
    /** Calling transaction, e.g. SE37 (SAPology). */
    public static final int CALLER_TRANSACTION = 0x000c;
    /** Calling client in an ABAP-to-ABAP logon (SAPology). */
    public static final int CALLER_CLIENT = 0x000e;
    /** Connection type, E. */
    public static final int CONNECTION_TYPE = 0x0011;
    /** Kernel release in the logon. */
    public static final int LOGON_KERNEL_RELEASE = 0x0012;
    /** Kernel patch level. */
    public static final int KERNEL_PATCH = 0x0013;
    /** System code page. */
    public static final int SYSTEM_CODE_PAGE = 0x0016;
    /** Partner system. */
    public static final int PARTNER_SYSTEM = 0x0018;
    /** 92 bytes in the rich logon response, meaning unknown. */
    public static final int LOGON_INFO_0020 = 0x0020;
    /** 20 bytes in the rich logon response, meaning unknown. */
    public static final int LOGON_INFO_0021 = 0x0021;
    /** 8-byte RFC header item. */
    public static final int RFC_HEADER = 0x0101;
    /** Function module name. */
    public static final int FUNCTION_NAME = 0x0102;
    /** Protocol version, u32. */
    public static final int PROTOCOL_VERSION = 0x0103;
    /** Trace/metadata block of S/4 responses, skippable. */
    public static final int TRACE_BLOCK = 0x0104;
    /** Routing string of an ABAP-to-ABAP record. */
    public static final int ROUTING_STRING = 0x0105;
    /** Capabilities, 11 bytes. */
    public static final int CAPABILITIES = 0x0106;
    /** Logon user. */
    public static final int USER = 0x0111;
    /** Logon client. */
    public static final int CLIENT = 0x0114;
    /** Logon language. */
    public static final int LANGUAGE = 0x0115;
    /** Scrambled password. */
    public static final int PASSWORD = 0x0117;
    /** ABAP-to-ABAP logon, meaning unknown. */
    public static final int LOGON_0119 = 0x0119;
    /** ABAP-to-ABAP logon, 28 bytes, meaning unknown. */
    public static final int LOGON_0120 = 0x0120;
    /** ABAP-to-ABAP logon time stamp. */
    public static final int LOGON_TIMESTAMP = 0x0122;
    /** ABAP-to-ABAP logon, meaning unknown. */
    public static final int LOGON_0123 = 0x0123;
    /** ABAP-to-ABAP logon, 32-hex GUID. */
    public static final int LOGON_GUID = 0x0125;
    /** 4 bytes in the logon response, meaning unknown. */
    public static final int LOGON_0126 = 0x0126;
    /** Program name. */
    public static final int PROGRAM_NAME = 0x0130;
    /** Extended passport (*TH*). */
    public static final int EXTENDED_PASSPORT = 0x0131;
    /** ABAP-to-ABAP logon, meaning unknown. */
    public static final int LOGON_0134 = 0x0134;
    /** Root id and connection id. */
    public static final int CONNECTION_IDS = 0x0136;
    /** User in the logon response. */
    public static final int LOGON_USER = 0x0150;
    /** Client in the logon response. */
    public static final int LOGON_CLIENT = 0x0151;
    /** Language in the logon response. */
    public static final int LOGON_LANGUAGE = 0x0152;
    /** Logon status, 0 = OK. */
    public static final int LOGON_STATUS = 0x0161;
    /** Parameter name. */
    public static final int PARAMETER_NAME = 0x0201;
    /** Parameter value. */
    public static final int PARAMETER_VALUE = 0x0203;
    /** Output parameter the caller wants back. */
    public static final int REQUESTED_OUTPUT = 0x0205;
    /** Type structure A (Wireshark). */
    public static final int TYPE_STRUCTURE_A = 0x0213;
    /** Table name. */
    public static final int TABLE_NAME = 0x0301;
    /** Row length u32 and row count u32. */
    public static final int TABLE_HEADER = 0x0302;
    /** Full-width table row. */
    public static final int TABLE_ROW = 0x0303;
    /** Simple-compressed table row. */
    public static final int TABLE_ROW_COMPRESSED = 0x0304;
    /** LZ-compressed table content: one fragment of the table's one compressed stream. */
    public static final int TABLE_LZ_CHUNK = 0x0305;
    /** Used width of a compressed table's rows, u32 (402 of PARAMS' 404-byte stride; protocol-wsrfc-2026.md §4.1). */
    public static final int TABLE_USED_WIDTH = 0x0310;
    /** End of table content. */
    public static final int TABLE_END = 0x0306;
    /** Table id before the header. */
    public static final int TABLE_ID = 0x0330;
    /** S/4 table id. */
    public static final int S4_TABLE_ID = 0x0331;
    /** S/4 native table descriptor. */
    public static final int S4_TABLE_DESCRIPTOR = 0x0333;
    /** S/4 native table row. */
    public static final int S4_TABLE_ROW = 0x0334;
    /** S/4 mixed table descriptor. */
    public static final int S4_MIXED_TABLE_DESCRIPTOR = 0x0335;
    /** S/4 table trailer. */
    public static final int S4_TABLE_TRAILER = 0x0336;
    /** Logon marker. */
    public static final int LOGON_MARKER = 0x0337;
    /** ABAP exception key. */
    public static final int EXCEPTION_KEY = 0x0401;
    /** Error message text. */
    public static final int ERROR_TEXT = 0x0402;
    /** Runtime error id. */
    public static final int RUNTIME_ERROR = 0x0403;
    /** T100 message text. */
    public static final int T100_TEXT = 0x0404;
    /** Message variable 1. */
    public static final int MESSAGE_V1 = 0x0411;
    /** Message variable 2. */
    public static final int MESSAGE_V2 = 0x0412;
    /** Message variable 3. */
    public static final int MESSAGE_V3 = 0x0413;
    /** Message variable 4. */
    public static final int MESSAGE_V4 = 0x0414;
    /** Message class. */
    public static final int MESSAGE_CLASS = 0x0415;
    /** Message type. */
    public static final int MESSAGE_TYPE = 0x0416;
    /** Message number. */
    public static final int MESSAGE_NUMBER = 0x0417;
    /** ABAP call stack. */
    public static final int CALL_STACK = 0x0418;
    /** Control/status, 0 on success. */
    public static final int RETURN_CODE = 0x0420;
    /** Class-based exception control. */
    public static final int CLASS_EXCEPTION_1 = 0x0421;
    /** Class-based exception control. */
    public static final int CLASS_EXCEPTION_2 = 0x0422;
    /** Class-based exception control. */
    public static final int CLASS_EXCEPTION_3 = 0x0423;
    /** Class-based exception control. */
    public static final int CLASS_EXCEPTION_4 = 0x0424;
    /** System ID. */
    public static final int SYSTEM_ID = 0x0450;
    /** System description. */
    public static final int SYSTEM_DESCRIPTION = 0x0451;
    /** System number. */
    public static final int SYSTEM_NUMBER = 0x0452;
    /** Application server host. */
    public static final int APPLICATION_HOST = 0x0453;
    /** Response start. */
    public static final int RESPONSE_START = 0x0500;
    /** Unicode indicator. */
    public static final int UNICODE_INDICATOR = 0x0501;
    /** Call start / context end. */
    public static final int CALL_START = 0x0502;
    /** Response context, the success marker. */
    public static final int RESPONSE_CONTEXT = 0x0503;
    /** Function call begin A (saprfclib). */
    public static final int CALL_BEGIN_A = 0x0504;
    /** Call context / parameter section. */
    public static final int CALL_CONTEXT = 0x0512;
    /** Function call begin B (saprfclib). */
    public static final int CALL_BEGIN_B = 0x0513;
    /** Session id / RFC GUID, 16 bytes. */
    public static final int SESSION_ID = 0x0514;
    /** RFC server reset done. */
    public static final int SERVER_RESET_DONE = 0x0523;
    /** Server's call duration in microseconds, float64 LE. */
    public static final int SERVER_DURATION = 0x0667;
    /** Logon ticket, base64 as UTF-16LE. */
    public static final int LOGON_TICKET = 0x0670;
    /** XRFC XML boundary. */
    public static final int XRFC_BOUNDARY = 0x3c02;
    /** XRFC XML chunk, UTF-8. */
    public static final int XRFC_CHUNK = 0x3c05;
    /** Fast-serialization parameter block. */
    public static final int FAST_SERIALIZATION = 0x5001;
    /** End of the chain. */
    public static final int END = 0xffff;

    private static final Map<Integer, String> NAMES = new HashMap<>();

    static {
        NAMES.put(LOGON_CHAIN_START, "LOGON_CHAIN_START");
        NAMES.put(CALLER_COMPONENT, "CALLER_COMPONENT");
        NAMES.put(DESTINATION, "DESTINATION");
        NAMES.put(CLIENT_ADDRESS, "CLIENT_ADDRESS");
        NAMES.put(PARTNER_HOST, "PARTNER_HOST");
        NAMES.put(CALLER_USER, "CALLER_USER");
        NAMES.put(KERNEL_RELEASE, "KERNEL_RELEASE");
        NAMES.put(CALLER_TRANSACTION, "CALLER_TRANSACTION");
        NAMES.put(CALLER_CLIENT, "CALLER_CLIENT");
        NAMES.put(CONNECTION_TYPE, "CONNECTION_TYPE");
        NAMES.put(LOGON_KERNEL_RELEASE, "LOGON_KERNEL_RELEASE");
        NAMES.put(KERNEL_PATCH, "KERNEL_PATCH");
        NAMES.put(SYSTEM_CODE_PAGE, "SYSTEM_CODE_PAGE");
        NAMES.put(PARTNER_SYSTEM, "PARTNER_SYSTEM");
        NAMES.put(LOGON_INFO_0020, "LOGON_INFO_0020");
        NAMES.put(LOGON_INFO_0021, "LOGON_INFO_0021");
        NAMES.put(RFC_HEADER, "RFC_HEADER");
        NAMES.put(FUNCTION_NAME, "FUNCTION_NAME");
        NAMES.put(PROTOCOL_VERSION, "PROTOCOL_VERSION");
        NAMES.put(TRACE_BLOCK, "TRACE_BLOCK");
        NAMES.put(ROUTING_STRING, "ROUTING_STRING");
        NAMES.put(CAPABILITIES, "CAPABILITIES");
        NAMES.put(USER, "USER");
        NAMES.put(CLIENT, "CLIENT");
        NAMES.put(LANGUAGE, "LANGUAGE");
        NAMES.put(PASSWORD, "PASSWORD");
        NAMES.put(LOGON_0119, "LOGON_0119");
        NAMES.put(LOGON_0120, "LOGON_0120");
        NAMES.put(LOGON_TIMESTAMP, "LOGON_TIMESTAMP");
        NAMES.put(LOGON_0123, "LOGON_0123");
        NAMES.put(LOGON_GUID, "LOGON_GUID");
        NAMES.put(LOGON_0126, "LOGON_0126");
        NAMES.put(PROGRAM_NAME, "PROGRAM_NAME");
        NAMES.put(EXTENDED_PASSPORT, "EXTENDED_PASSPORT");
        NAMES.put(LOGON_0134, "LOGON_0134");
        NAMES.put(CONNECTION_IDS, "CONNECTION_IDS");
        NAMES.put(LOGON_USER, "LOGON_USER");
        NAMES.put(LOGON_CLIENT, "LOGON_CLIENT");
        NAMES.put(LOGON_LANGUAGE, "LOGON_LANGUAGE");
        NAMES.put(LOGON_STATUS, "LOGON_STATUS");
        NAMES.put(PARAMETER_NAME, "PARAMETER_NAME");
        NAMES.put(PARAMETER_VALUE, "PARAMETER_VALUE");
        NAMES.put(REQUESTED_OUTPUT, "REQUESTED_OUTPUT");
        NAMES.put(TYPE_STRUCTURE_A, "TYPE_STRUCTURE_A");
        NAMES.put(TABLE_NAME, "TABLE_NAME");
        NAMES.put(TABLE_HEADER, "TABLE_HEADER");
        NAMES.put(TABLE_ROW, "TABLE_ROW");
        NAMES.put(TABLE_ROW_COMPRESSED, "TABLE_ROW_COMPRESSED");
        NAMES.put(TABLE_LZ_CHUNK, "TABLE_LZ_CHUNK");
        NAMES.put(TABLE_END, "TABLE_END");
        NAMES.put(TABLE_USED_WIDTH, "TABLE_USED_WIDTH");
        NAMES.put(TABLE_ID, "TABLE_ID");
        NAMES.put(S4_TABLE_ID, "S4_TABLE_ID");
        NAMES.put(S4_TABLE_DESCRIPTOR, "S4_TABLE_DESCRIPTOR");
        NAMES.put(S4_TABLE_ROW, "S4_TABLE_ROW");
        NAMES.put(S4_MIXED_TABLE_DESCRIPTOR, "S4_MIXED_TABLE_DESCRIPTOR");
        NAMES.put(S4_TABLE_TRAILER, "S4_TABLE_TRAILER");
        NAMES.put(LOGON_MARKER, "LOGON_MARKER");
        NAMES.put(EXCEPTION_KEY, "EXCEPTION_KEY");
        NAMES.put(ERROR_TEXT, "ERROR_TEXT");
        NAMES.put(RUNTIME_ERROR, "RUNTIME_ERROR");
        NAMES.put(T100_TEXT, "T100_TEXT");
        NAMES.put(MESSAGE_V1, "MESSAGE_V1");
        NAMES.put(MESSAGE_V2, "MESSAGE_V2");
        NAMES.put(MESSAGE_V3, "MESSAGE_V3");
        NAMES.put(MESSAGE_V4, "MESSAGE_V4");
        NAMES.put(MESSAGE_CLASS, "MESSAGE_CLASS");
        NAMES.put(MESSAGE_TYPE, "MESSAGE_TYPE");
        NAMES.put(MESSAGE_NUMBER, "MESSAGE_NUMBER");
        NAMES.put(CALL_STACK, "CALL_STACK");
        NAMES.put(RETURN_CODE, "RETURN_CODE");
        NAMES.put(CLASS_EXCEPTION_1, "CLASS_EXCEPTION_1");
        NAMES.put(CLASS_EXCEPTION_2, "CLASS_EXCEPTION_2");
        NAMES.put(CLASS_EXCEPTION_3, "CLASS_EXCEPTION_3");
        NAMES.put(CLASS_EXCEPTION_4, "CLASS_EXCEPTION_4");
        NAMES.put(SYSTEM_ID, "SYSTEM_ID");
        NAMES.put(SYSTEM_DESCRIPTION, "SYSTEM_DESCRIPTION");
        NAMES.put(SYSTEM_NUMBER, "SYSTEM_NUMBER");
        NAMES.put(APPLICATION_HOST, "APPLICATION_HOST");
        NAMES.put(RESPONSE_START, "RESPONSE_START");
        NAMES.put(UNICODE_INDICATOR, "UNICODE_INDICATOR");
        NAMES.put(CALL_START, "CALL_START");
        NAMES.put(RESPONSE_CONTEXT, "RESPONSE_CONTEXT");
        NAMES.put(CALL_BEGIN_A, "CALL_BEGIN_A");
        NAMES.put(CALL_CONTEXT, "CALL_CONTEXT");
        NAMES.put(CALL_BEGIN_B, "CALL_BEGIN_B");
        NAMES.put(SESSION_ID, "SESSION_ID");
        NAMES.put(SERVER_RESET_DONE, "SERVER_RESET_DONE");
        NAMES.put(SERVER_DURATION, "SERVER_DURATION");
        NAMES.put(LOGON_TICKET, "LOGON_TICKET");
        NAMES.put(XRFC_BOUNDARY, "XRFC_BOUNDARY");
        NAMES.put(XRFC_CHUNK, "XRFC_CHUNK");
        NAMES.put(FAST_SERIALIZATION, "FAST_SERIALIZATION");
        NAMES.put(END, "END");
    }

    private ItemIds() {
    }

    /** The name of an id, or {@code UNKNOWN} for an id no source names. */
    public static String name(int id) {
        return NAMES.getOrDefault(id, "UNKNOWN");
    }

    /** The id as four lower-case hex digits, e.g. {@code 0502}. */
    public static String hex(int id) {
        return String.format("%04x", id);
    }
}
