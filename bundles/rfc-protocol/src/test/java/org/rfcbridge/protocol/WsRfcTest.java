package org.rfcbridge.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.LogonFailureException;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.appc.AppcRecord;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.item.ItemReader;
import org.rfcbridge.protocol.item.ItemWriter;
import org.rfcbridge.protocol.wsrfc.WsRfcLogon;
import org.rfcbridge.protocol.wsrfc.WsRfcLogonReply;
import org.rfcbridge.protocol.wsrfc.WsRfcMessages;

/** WebSocket RFC messages rebuilt from the documented item order and values ({@code protocol-wsrfc-2026.md}). */
class WsRfcTest {
    /** §2.2's test vector: the reference inputs, no 0x0514, password "thirteenchars", seed 0x30054d96 (216 bytes). */
    static final String LOGON_VECTOR = "01010008030101010101000001010103000400000e0b01030106000b04010003000a0200000023"
            + "010601140003303031011401110009446576656c6f706572011101170011964d0530b6c948786b660a237e93b1fabf01170115000145"
            + "011505010001010501000700093132372e302e312e3100070011000145001100120003373534001200130003373534001300080005746974"
            + "616e0008000600093c756e6b6e6f776e3e00060130000873746172747266630130050200000502000b0003373534000b0102000752464350"
            + "494e470102ffff0000ffff";

    private static WsRfcLogon reference(byte[] token) {
        return new WsRfcLogon("001", "Developer", "thirteenchars", "E", "127.0.1.1", "titan", "<unknown>", "startrfc",
                token, "RFCPING");
    }

    private static List<String> ids(byte[] chain) throws RfcProtocolException {
        List<String> ids = new ArrayList<>();
        ItemReader reader = new ItemReader(chain);
        while (reader.next()) {
            ids.add(ItemIds.hex(reader.id()));
        }
        return ids;
    }

    @Test
    void theLogonMatchesTheDocumentedVectorByteForByte() {
        byte[] logon = reference(null).encode(0x30054d96);
        assertEquals(216, logon.length);
        assertEquals(LOGON_VECTOR, HexFormat.of().formatHex(logon));
    }

    @Test
    void withTheSessionTokenItIsTheReferenceFramesShape() throws Exception {
        byte[] logon = reference(new byte[16]).encode(7);
        assertEquals(238, logon.length, "the reference SDK frame is 238 bytes");
        assertEquals(List.of("0101", "0103", "0106", "0514", "0114", "0111", "0117", "0115", "0501", "0007", "0011",
                "0012", "0013", "0008", "0006", "0130", "0502", "000b", "0102", "ffff"), ids(logon));
        WsRfcLogon back = WsRfcLogon.decode(logon, ProtocolLimits.DEFAULT);
        assertEquals("thirteenchars", back.password());
        assertEquals("Developer", back.user());
        assertEquals("RFCPING", back.function());
        assertFalse(back.toString().contains("thirteenchars"));
    }

    @Test
    void aLogonWithAFastSerializationBlockIsRefused() {
        byte[] bad = new ItemWriter().item(ItemIds.RFC_HEADER, new byte[8]).item(ItemIds.FAST_SERIALIZATION, new byte[] {0x45})
                .end().toByteArray();
        assertThrows(RfcProtocolException.class, () -> WsRfcLogon.decode(bad, ProtocolLimits.DEFAULT));
    }

    @Test
    void theInvokeIsTheClassicChainSentBare() throws Exception {
        // §3.1: STFC_CONNECTION with REQUTEXT 'probe', 648 bytes, items at the documented offsets
        Function call = Captures.stfcConnection().newFunction();
        call.imports().setValue("REQUTEXT", "probe");
        byte[] invoke = new ClassicSerializer(ProtocolLimits.DEFAULT).encoder().encodeRequest(call);
        assertEquals(648, invoke.length);
        int[] offsets = {0, 6, 18, 54, 60, 82, 104, 126, 642};
        int[] expected = {0x0502, 0x000b, 0x0102, 0x0512, 0x0205, 0x0205, 0x0201, 0x0203, 0xffff};
        ItemReader reader = new ItemReader(invoke);
        for (int i = 0; i < offsets.length; i++) {
            assertTrue(reader.next());
            assertEquals(expected[i], reader.id());
            assertEquals(offsets[i], reader.itemOffset());
        }
    }

    @Test
    void anAcceptedReplyNamesTheSystem() throws Exception {
        byte[] reply = new WsRfcLogonReply("TST", "00", "testhost01", "793", "758")
                .encodeAccepted("TESTUSER1", "001", "E", "SAPLSYSU", 239.0);
        WsRfcLogonReply back = WsRfcLogonReply.decode(reply, ProtocolLimits.DEFAULT, "Connection_to_Cloud");
        assertEquals("TST", back.systemId());
        assertEquals("00", back.systemNumber());
        assertEquals("testhost01", back.host());
        assertEquals("793", back.kernelRelease());
    }

    @Test
    void aRefusedLogonIsALogonFailureWithTheServersText() {
        byte[] reply = new ItemWriter().item(ItemIds.RFC_HEADER, new byte[] {1, 1, 1, 1, 1, 1, 0, 0})
                .utf16(ItemIds.ERROR_TEXT, "Name or password is incorrect (repeat logon)").end().toByteArray();
        LogonFailureException e = assertThrows(LogonFailureException.class,
                () -> WsRfcLogonReply.decode(reply, ProtocolLimits.DEFAULT, "Connection_to_Cloud"));
        assertEquals("Connection_to_Cloud refused the logon: Name or password is incorrect (repeat logon)", e.getMessage());
    }

    @Test
    void authenticatedButTheEmbeddedCallFailedIsNoSession() {
        // §2.7: 0x0450 present, then 0500, 0418, 0415 "00", 0416 "X", 0417 "341", 0411, 0403, 0402
        byte[] reply = new ItemWriter().utf16(ItemIds.SYSTEM_ID, "A4H").empty(ItemIds.RESPONSE_START)
                .utf16(ItemIds.CALL_STACK, ";W=SAPLSYSU,E=163").utf16(ItemIds.MESSAGE_CLASS, "00")
                .utf16(ItemIds.MESSAGE_TYPE, "X").utf16(ItemIds.MESSAGE_NUMBER, "341")
                .utf16(ItemIds.MESSAGE_V1, "CALL_FUNCTION_RECEIVE_ERROR").utf16(ItemIds.RUNTIME_ERROR, "CALL_FUNCTION_RECEIVE_ERROR")
                .utf16(ItemIds.ERROR_TEXT, "Error when receiving data for an RFC.").end().toByteArray();
        SystemFailureException e = assertThrows(SystemFailureException.class,
                () -> WsRfcLogonReply.decode(reply, ProtocolLimits.DEFAULT, "Connection_to_Cloud"));
        assertTrue(e.getMessage().startsWith("Connection_to_Cloud (system A4H) authenticated the logon but the function "
                + "call embedded in it failed: Error when receiving data for an RFC."), e.getMessage());
        assertTrue(e.getMessage().contains("CALL_FUNCTION_RECEIVE_ERROR"));
    }

    @Test
    void repliesSpanningMessagesAreJoinedAtTheTerminatorWhereverTheySplit() throws Exception {
        byte[] reply = AppcRecord.decode(Captures.payload("stfc_changing_response.bin")).data();
        for (int split = 0; split <= reply.length; split++) {
            WsRfcMessages joiner = new WsRfcMessages(1 << 20);
            boolean done = joiner.add(reply, 0, split);
            assertEquals(split == reply.length, done, "split at " + split);
            if (!done) {
                assertTrue(joiner.add(reply, split, reply.length - split), "split at " + split);
            }
            assertArrayEquals(reply, joiner.reply());
        }
    }

    @Test
    void repliesArrivingOneByteAtATimeAreJoinedIncludingLongItems() throws Exception {
        byte[] captured = AppcRecord.decode(Captures.payload("stfc_changing_response.bin")).data();
        // a long item (length 0xffff, then the real length in 4 bytes) of 70,000 bytes before the end item
        byte[] reply = new byte[captured.length + 8 + 70_000 + 2];
        int at = captured.length - 6;
        System.arraycopy(captured, 0, reply, 0, at);
        byte[] header = HexFormat.of().parseHex("0305ffff00011170");
        System.arraycopy(header, 0, reply, at, 8);
        reply[at + 8 + 70_000] = 0x03;
        reply[at + 8 + 70_001] = 0x05;
        System.arraycopy(captured, captured.length - 6, reply, at + 8 + 70_002, 6);
        WsRfcMessages joiner = new WsRfcMessages(1 << 20);
        for (int i = 0; i < reply.length; i++) {
            assertEquals(i == reply.length - 1, joiner.add(new byte[] {reply[i]}, 0, 1), "byte " + i);
        }
        assertArrayEquals(reply, joiner.reply());
    }

    @Test
    void brokenOrOversizedRepliesAreRefused() {
        byte[] broken = HexFormat.of().parseHex("050000000503ffff0000ffff");
        assertThrows(RfcProtocolException.class, () -> new WsRfcMessages(1000).add(broken, 0, broken.length));
        byte[] trailing = HexFormat.of().parseHex("050000000500ffff0000ffff00");
        assertThrows(RfcProtocolException.class, () -> new WsRfcMessages(1000).add(trailing, 0, trailing.length));
        byte[] big = new byte[2000];
        assertThrows(RfcProtocolException.class, () -> new WsRfcMessages(1000).add(big, 0, big.length));
        byte[] huge = HexFormat.of().parseHex("0303ffff7fffffff");
        assertThrows(RfcProtocolException.class, () -> new WsRfcMessages(1000).add(huge, 0, huge.length));
    }

    /** An item's header that announces more than the item limit is refused at once, naming the limit. */
    @Test
    void anItemLargerThanTheItemLimitIsRefusedAtItsHeader() throws Exception {
        WsRfcMessages messages = new WsRfcMessages(1 << 30,
                1 << 20);
        byte[] head = {0x05, 0x00, 0x00, 0x00, 0x05, 0x00, 0x02, 0x03, (byte) 0xff, (byte) 0xff, 0x00, 0x20, 0x00, 0x00};
        org.rfcbridge.protocol.wsrfc.ReplyLimitException e = assertThrows(
                org.rfcbridge.protocol.wsrfc.ReplyLimitException.class, () -> messages.add(head, 0, head.length));
        assertTrue(e.itemLimit());
        assertEquals("the peer announced an item of 2097152 bytes, more than the limit of 1048576 bytes for one item",
                e.problem());
        assertEquals(6, e.offset());
    }

    /** Garbage is refused at its first bytes, not after the call timeout: SAP's replies start with 0500 or 0101. */
    @Test
    void aReplyThatDoesNotStartAsSapsDoIsRefusedAtOnce() throws Exception {
        WsRfcMessages reply = WsRfcMessages.forReply(1 << 20, 1 << 20);
        byte[] garbage = {0x7a, 0x3f, 0x00, 0x10, 1, 2, 3};
        RfcProtocolException e = assertThrows(RfcProtocolException.class, () -> reply.add(garbage, 0, garbage.length));
        assertEquals("the reply starts with 7a3f, not with 0500 (reply) or 0101 (header) as SAP's replies do",
                e.problem());
        assertEquals(0, e.offset());
        byte[] ok = {0x05, 0x00, 0x00, 0x00, 0x05, 0x00};
        assertFalse(WsRfcMessages.forReply(1 << 20, 1 << 20).add(ok, 0, ok.length));
    }
}
