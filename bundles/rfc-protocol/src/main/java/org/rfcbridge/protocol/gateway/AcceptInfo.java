package org.rfcbridge.protocol.gateway;

import org.rfcbridge.protocol.BitFlag;

/** Accept-info flags of a gateway record (byte 55): what a client offers and the gateway grants. */
public enum AcceptInfo implements BitFlag {
    EINFO(0x01), PING(0x02), SNC(0x04), CONN_EINFO(0x08), CODE_PAGE(0x10), NIPING(0x20), EXTINITOPT(0x40),
    GW_ACCEPT_DIST_TRACE(0x80);

    private final int bit;

    AcceptInfo(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
