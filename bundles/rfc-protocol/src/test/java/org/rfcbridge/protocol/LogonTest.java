package org.rfcbridge.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.LogonFailureException;
import org.rfcbridge.protocol.classic.LogonRequest;
import org.rfcbridge.protocol.classic.LogonResponse;
import org.rfcbridge.protocol.classic.PasswordScramble;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.item.ItemReader;

class LogonTest {

    @Test
    void passwordScrambleMatchesThePublishedVector() throws Exception {
        // protocol-cpic.md §2.7.4: seed 0x12345678, "secret" -> 78563412 6573b32ae337
        byte[] field = PasswordScramble.scramble("secret", 0x12345678);
        assertEquals("785634126573b32ae337", HexFormat.of().formatHex(field));
        assertEquals("secret", PasswordScramble.descramble(field, 0, field.length));
        assertEquals("PasswordForBC_USER000",
                PasswordScramble.descramble(PasswordScramble.scramble("PasswordForBC_USER000", -7), 0, 25));
        assertThrows(RfcProtocolException.class, () -> PasswordScramble.descramble(new byte[3], 0, 3));
    }

    @Test
    void initialLogonRequestFollowsTheDocumentedItemOrder() throws Exception {
        LogonRequest request = new LogonRequest("000", "DEVELOPER", "secret", "E", new byte[16], "127.0.0.1", "::1",
                "onprem", "MYDESTINATION_000", "SAPLSRFC", "RFCPING", "YI3");
        byte[] chain = request.encode(0x12345678);
        ItemReader reader = new ItemReader(chain);
        StringBuilder order = new StringBuilder();
        while (reader.next()) {
            order.append(ItemIds.hex(reader.id())).append(' ');
        }
        assertTrue(reader.hadEyecatcher());
        assertEquals("0101 0103 0106 0337 0514 0114 0111 0117 0115 0501 0007 0018 0011 0012 0013 0008 0006 0130 0450 "
                + "0502 000b 0102 ffff ", order.toString());
        assertTrue(LogonRequest.isLogon(chain, 0, chain.length));
        LogonRequest decoded = LogonRequest.decode(chain, 0, chain.length, ProtocolLimits.DEFAULT);
        assertEquals("000", decoded.client());
        assertEquals("DEVELOPER", decoded.user());
        assertEquals("secret", decoded.password());
        assertEquals("MYDESTINATION_000", decoded.destination());
        assertEquals("RFCPING", decoded.functionName());
        assertEquals("YI3", decoded.systemId());
        assertFalse(decoded.toString().contains("secret"), "toString never shows the password: " + decoded);
    }

    @Test
    void rfcPingAfterLogonCarriesThePreambleAndNoParameters() throws Exception {
        org.rfcbridge.protocol.classic.ClassicSerializer serializer =
                new org.rfcbridge.protocol.classic.ClassicSerializer(ProtocolLimits.DEFAULT);
        byte[] ping = serializer.encoder().encodePing(new byte[16]);
        ItemReader reader = new ItemReader(ping);
        StringBuilder order = new StringBuilder();
        while (reader.next()) {
            order.append(ItemIds.hex(reader.id())).append(' ');
        }
        assertEquals("0101 0103 0106 0337 0514 0502 000b 0102 0512 ffff ", order.toString());
        assertEquals("RFC_PING", serializer.decoder().functionName(ping, 0, ping.length));
        org.rfcbridge.api.metadata.FunctionMetadata rfcPing =
                org.rfcbridge.api.metadata.FunctionMetadata.builder("RFC_PING").build();
        assertEquals("RFC_PING", serializer.decoder().decodeRequest(ping, 0, ping.length, rfcPing).name());
    }

    /**
     * A large request's head (issue 21): cut anywhere in the call's parameters, it still says who calls what, so the
     * bridge can route the call before its tables have arrived.
     */
    @Test
    void theHeadOfARelayedRequestSaysWhoCallsWhat() throws Exception {
        org.rfcbridge.protocol.classic.ClassicSerializer serializer =
                new org.rfcbridge.protocol.classic.ClassicSerializer(ProtocolLimits.DEFAULT);
        org.rfcbridge.api.data.Function call = StreamedRequestTest.UPLOAD.newFunction();
        call.tables().getTable("T_FIRST").appendRows(50);
        LogonRequest context = new LogonRequest("000", "DEVELOPER", null, "E", new byte[0], "", "", "", "MYDEST_000", "",
                "", "YI3");
        byte[] whole = context.encodeRelayed(serializer.encoder().encodeRequest(call), null);
        for (int cut = whole.length - 1; cut > whole.length - 5000; cut -= 97) {
            LogonRequest head = LogonRequest.decode(whole, 0, cut, ProtocolLimits.DEFAULT);
            assertEquals("DEVELOPER", head.user());
            assertEquals("YI3", head.systemId());
            assertEquals("MYDEST_000", head.destination());
            assertEquals("Z_UPLOAD", serializer.decoder().functionName(whole, 0, cut));
        }
    }

    @Test
    void logonResponsesSucceedOrFailWithTheServersText() throws Exception {
        byte[] ok = new LogonResponse("A4H", "4103").encode();
        LogonResponse response = LogonResponse.decode(ok, 0, ok.length, ProtocolLimits.DEFAULT, "A4H");
        assertEquals("A4H", response.systemId());
        assertEquals("4103", response.codePage());
        byte[] refused = LogonResponse.encodeError("Name or password is incorrect (repeat logon)");
        LogonFailureException e = assertThrows(LogonFailureException.class,
                () -> LogonResponse.decode(refused, 0, refused.length, ProtocolLimits.DEFAULT, "cloud"));
        assertEquals("cloud refused the logon: Name or password is incorrect (repeat logon)", e.getMessage());
    }
}
