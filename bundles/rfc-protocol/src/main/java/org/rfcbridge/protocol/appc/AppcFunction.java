package org.rfcbridge.protocol.appc;

import org.rfcbridge.protocol.WireCode;

/** APPC/CPI-C function codes (byte 1 of an APPC record), named as pysap and Wireshark name them. */
public enum AppcFunction implements WireCode {
    F_INITIALIZE_CONVERSATION(0x01), F_ACCEPT_CONVERSATION(0x03), F_ALLOCATE(0x05), F_SEND_DATA(0x07),
    F_ASEND_DATA(0x08), F_RECEIVE(0x09), F_ARECEIVE(0x0a), F_DEALLOCATE(0x0b), F_SET_TP_NAME(0x0d),
    F_SET_PARTNER_LU_NAME(0x0f), F_SET_SECURITY_PASSWORD(0x11), F_SET_SECURITY_USER_ID(0x13),
    F_SET_SECURITY_TYPE(0x15), F_SET_CONVERSATION_TYPE(0x17), F_EXTRACT_TP_NAME(0x19), F_FLUSH(0x1b),
    F_SAP_ALLOCATE(0xc9), F_SAP_INIT(0xca), F_SAP_SEND(0xcb), F_ASAP_SEND(0xcc), F_SAP_SYNC(0xcd),
    F_SAP_PING(0xce), F_SAP_REGTP(0xcf), F_SAP_UNREGTP(0xd0), F_SAP_ACCPTP(0xd1), F_SAP_UNACCPTP(0xd2),
    F_SAP_CANCTP(0xd3), F_SAP_SET_UID(0xd4), F_SAP_CANCEL(0xd5), F_SAP_CANCELED(0xd6),
    F_SAP_STOP_STREAMING(0xd7), F_SAP_CONT_STREAMING(0xd8);

    private final int code;

    AppcFunction(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The function with this code, or {@code null} for a code no source names. */
    public static AppcFunction of(int code) {
        return WireCode.of(AppcFunction.class, code);
    }
}
