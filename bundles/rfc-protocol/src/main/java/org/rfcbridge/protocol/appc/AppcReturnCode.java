package org.rfcbridge.protocol.appc;

import org.rfcbridge.protocol.WireCode;

/** CPI-C return codes (APPC header bytes 32-35), named as pysap and Wireshark name them. */
public enum AppcReturnCode implements WireCode {
    CM_OK(0), CM_ALLOCATE_FAILURE_NO_RETRY(1), CM_ALLOCATE_FAILURE_RETRY(2), CM_CONVERSATION_TYPE_MISMATCH(3),
    CM_SECURITY_NOT_VALID(6), CM_TPN_NOT_RECOGNIZED(9), CM_TP_NOT_AVAILABLE_NO_RETRY(0x0a),
    CM_TP_NOT_AVAILABLE_RETRY(0x0b), CM_DEALLOCATED_ABEND(0x11), CM_DEALLOCATED_NORMAL(0x12),
    CM_PARAMETER_ERROR(0x13), CM_PRODUCT_SPECIFIC_ERROR(0x14), CM_PROGRAM_ERROR_NO_TRUNC(0x15),
    CM_PROGRAM_ERROR_PURGING(0x16), CM_PROGRAM_ERROR_TRUNC(0x17), CM_PROGRAM_PARAMETER_CHECK(0x18),
    CM_PROGRAM_STATE_CHECK(0x19), CM_RESOURCE_FAILURE_NO_RETRY(0x1a), CM_RESOURCE_FAILURE_RETRY(0x1b),
    CM_UNSUCCESSFUL(0x1c), CM_OPERATION_INCOMPLETE(0x23), CM_SYSTEM_EVENT(0x24), CM_SAP_TIMEOUT_RETRY(0x2711),
    CM_CANCEL_REQUEST(0x2712);

    private final int code;

    AppcReturnCode(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The return code with this value, or {@code null}. */
    public static AppcReturnCode of(long code) {
        return WireCode.of(AppcReturnCode.class, code);
    }
}
