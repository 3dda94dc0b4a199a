package org.rfcbridge.protocol.appc;

import org.rfcbridge.protocol.BitFlag;

/** The flag bytes of the APPC header, bit by bit ({@code protocol-cpic.md} §2.4.1). */
public final class AppcFlags {
    private AppcFlags() {
    }

    /** Byte 10. */
    public enum Info2 implements BitFlag {
        WITH_LONG_LU_NAME(0x01), WITH_LONG_HOSTADDR(0x02), GW_IMMEDIATE(0x04), GW_SNC_ACTIVE(0x08),
        GW_WAIT_LOOK_UP(0x10), SNC_INIT_PHASE(0x20), GW_STATELESS(0x40), GW_NO_STATE_CHECK(0x80);

        private final int bit;

        Info2(int bit) {
            this.bit = bit;
        }

        @Override
        public int bit() {
            return bit;
        }
    }

    /** Byte 16. */
    public enum Info3 implements BitFlag {
        GW_WITH_CODE_PAGE(0x01), GW_ASYNC_RFC(0x02), GW_CANCEL_HARD(0x04), GW_CANCEL_SOFT(0x08),
        GW_WITH_GUI_TIMEOUT(0x10), GW_TERMIO_ERROR(0x20), GW_EXTENDED_INIT_OPTIONS(0x40), GW_DIST_TRACE(0x80);

        private final int bit;

        Info3(int bit) {
            this.bit = bit;
        }

        @Override
        public int bit() {
            return bit;
        }
    }

    /** Byte 21; only one bit is named by any source. */
    public enum Info4 implements BitFlag {
        GW_WITH_DBG_CTL(0x01);

        private final int bit;

        Info4(int bit) {
            this.bit = bit;
        }

        @Override
        public int bit() {
            return bit;
        }
    }

    /** Byte 30. */
    public enum Info implements BitFlag {
        SYNC_CPIC_FUNCTION(0x01), WITH_HOSTADDR(0x02), WITH_GW_SAP_PARAMS_HDR(0x04), CPIC_SYNC_REQ(0x08),
        WITH_ERR_INFO(0x10), DATA_WITH_TERM_OUTPUT(0x20), DATA_WITH_TERM_INPUT(0x40), R3_CPIC_LOGIN_WITH_TERM(0x80);

        private final int bit;

        Info(int bit) {
            this.bit = bit;
        }

        @Override
        public int bit() {
            return bit;
        }
    }

    /** Byte 31 ("request type 2"). {@link #F_V_SEND_DATA} on incoming data marks the end of a message. */
    public enum Vector implements BitFlag {
        F_V_INITIALIZE_CONVERSATION(0x01), F_V_ALLOCATE(0x02), F_V_SEND_DATA(0x04), F_V_RECEIVE(0x08),
        F_V_FLUSH(0x10);

        private final int bit;

        Vector(int bit) {
            this.bit = bit;
        }

        @Override
        public int bit() {
            return bit;
        }
    }
}
