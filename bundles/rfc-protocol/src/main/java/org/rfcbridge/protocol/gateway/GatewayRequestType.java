package org.rfcbridge.protocol.gateway;

import org.rfcbridge.protocol.WireCode;

/** Request types of a gateway record (byte 1), named as pysap and Wireshark name them ({@code protocol-cpic.md} §2.3). */
public enum GatewayRequestType implements WireCode {
    GW_UNDEF_TYPE(0x00), CHECK_GATEWAY(0x01), GW_CONNECT_GWWP(0x02), GW_NORMAL_CLIENT(0x03),
    GW_REMOTE_GATEWAY(0x04), STOP_GATEWAY(0x05), GW_LOCAL_R3(0x06), GW_SEND_INTERNAL_ERROR(0x07),
    GW_SEND_INFO(0x08), GW_SEND_CMD(0x09), GW_WORKPROCESS_DIED(0x0a), GW_REGISTER_TP(0x0b),
    GW_UNREGISTER_TP(0x0c), GW_CONNECT_DISP(0x0d), GW_GET_NO_REGISTER_TP(0x0e), GW_SAP_WP_CLIENT(0x0f),
    GW_CANCEL_REGISTER_TP(0x10), GW_FROM_REMOTE_GATEWAY(0x11), GW_CONTAINER_RECEIVED(0x12);

    private final int code;

    GatewayRequestType(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The type with this code, or {@code null} for a code no source names. */
    public static GatewayRequestType of(int code) {
        return WireCode.of(GatewayRequestType.class, code);
    }
}
