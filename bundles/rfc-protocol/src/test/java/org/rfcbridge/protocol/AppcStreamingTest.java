package org.rfcbridge.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.rfcbridge.protocol.appc.AppcDataMessages;
import org.rfcbridge.protocol.appc.AppcFunction;
import org.rfcbridge.protocol.appc.AppcHeader;
import org.rfcbridge.protocol.appc.AppcMessageAssembler;
import org.rfcbridge.protocol.appc.AppcRecord;
import org.rfcbridge.protocol.appc.DataInfo;
import org.rfcbridge.protocol.gateway.GatewayErrorBlock;

class AppcStreamingTest {
    private static final AppcHeader TEMPLATE = new AppcHeader(AppcFunction.F_SAP_SEND).protocol(2).conversationId("12345678");

    @Test
    void largeMessagesAreStreamedInChunksWithBarriersAndAClosingReceive() throws Exception {
        byte[] data = new byte[28_000 * 45 + 17];
        new Random(1).nextBytes(data);
        List<AppcRecord> records = AppcDataMessages.outgoing(TEMPLATE, data, 0xffff, 3);
        assertEquals(47, records.size(), "46 chunks and the closing F_RECEIVE");
        for (int i = 0; i < 46; i++) {
            AppcRecord r = records.get(i);
            boolean barrier = (i + 1) % 21 == 0;
            assertEquals(barrier ? AppcFunction.F_SEND_DATA : AppcFunction.F_ASEND_DATA, r.header().appcFunction(), "chunk " + i);
            assertEquals(barrier ? 1 : 0, r.header().info());
            assertTrue(r.data().length <= 28_000);
            assertEquals(r.data().length, DataInfo.decode(r.header().operationInfo()).dataLength());
            assertEquals(barrier, AppcDataMessages.isBarrier(r));
        }
        AppcRecord close = records.get(46);
        assertEquals(AppcFunction.F_RECEIVE, close.header().appcFunction());
        assertEquals(1, close.header().info());
        assertEquals(0, close.data().length);

        AppcMessageAssembler assembler = new AppcMessageAssembler(10_000_000);
        boolean complete = false;
        for (AppcRecord r : records) {
            assertFalse(complete, "complete only at the end");
            complete = assembler.add(AppcRecord.decode(r.encode()));
        }
        assertTrue(complete);
        assertArrayEquals(data, assembler.message());
        assertEquals(0L, assembler.pendingBytes());
    }

    @Test
    void incomingDataEndsWithTheSendDataVectorBit() throws Exception {
        AppcMessageAssembler assembler = new AppcMessageAssembler(1000);
        AppcHeader first = TEMPLATE.copy().vector(0x08);
        AppcHeader last = TEMPLATE.copy().function(AppcFunction.F_RECEIVE).vector(0x0c);
        assertFalse(assembler.add(AppcRecord.withData(first, new byte[] {1, 2})));
        assertTrue(assembler.add(AppcRecord.withData(last, new byte[] {3})));
        assertArrayEquals(new byte[] {1, 2, 3}, assembler.message());
    }

    @Test
    void aDiscardedMessageIsReadToItsEndWithoutBeingKeptOrLimited() throws Exception {
        AppcMessageAssembler assembler = new AppcMessageAssembler(1000);
        AppcHeader middle = TEMPLATE.copy().vector(0x08);
        assertFalse(assembler.add(AppcRecord.withData(middle, new byte[] {1, 2})));
        assertFalse(assembler.add(AppcRecord.withData(middle.copy(), new byte[500])));
        assertArrayEquals(new byte[] {1, 2}, assembler.discard(), "the first fragment, for who called what");
        assertFalse(assembler.add(AppcRecord.withData(middle.copy(), new byte[900])), "past the limit: not kept");
        RfcProtocolException conversation = assertThrows(RfcProtocolException.class,
                () -> assembler.add(AppcRecord.withData(middle.copy().conversationId("87654321"), new byte[1])));
        assertTrue(conversation.problem().contains("changes the conversation id"), "still checked");
        AppcHeader last = TEMPLATE.copy().function(AppcFunction.F_RECEIVE).vector(0x0c);
        assertTrue(assembler.add(AppcRecord.withData(last, new byte[] {3})));
        assertEquals(1403, assembler.pendingBytes());
        assertArrayEquals(new byte[0], assembler.message());
        assertTrue(assembler.add(AppcRecord.withData(last.copy(), new byte[] {4})), "the next message is kept again");
        assertArrayEquals(new byte[] {4}, assembler.message());
    }

    @Test
    void fragmentsMayNotChangeTheirIdentityOrExceedTheLimit() throws Exception {
        AppcMessageAssembler assembler = new AppcMessageAssembler(1000);
        assembler.add(AppcRecord.withData(TEMPLATE.copy(), new byte[10]));
        RfcProtocolException conversation = assertThrows(RfcProtocolException.class,
                () -> assembler.add(AppcRecord.withData(TEMPLATE.copy().conversationId("87654321"), new byte[1])));
        assertTrue(conversation.problem().contains("changes the conversation id from 12345678 to 87654321"));
        RfcProtocolException sequence = assertThrows(RfcProtocolException.class,
                () -> assembler.add(AppcRecord.withData(TEMPLATE.copy().sequenceNumber(5), new byte[1])));
        assertTrue(sequence.problem().contains("sequence number"));
        RfcProtocolException size = assertThrows(RfcProtocolException.class,
                () -> assembler.add(AppcRecord.withData(TEMPLATE.copy(), new byte[991])));
        assertTrue(size.problem().contains("exceeds the limit of 1000 bytes"));
    }

    @Test
    void barriersAreAcknowledgedWithAnEmptySendData() throws Exception {
        AppcRecord barrier = AppcDataMessages.outgoing(TEMPLATE, new byte[28_000 * 21 + 1], 0, 0).get(20);
        AppcRecord ack = AppcDataMessages.acknowledgement(barrier);
        assertEquals(AppcFunction.F_SEND_DATA, ack.header().appcFunction());
        assertEquals(80, ack.encode().length);
        assertEquals("12345678", ack.header().conversationId());
    }

    @Test
    void gatewayErrorTextsTravelAfterTheHeader() throws Exception {
        GatewayErrorBlock block = GatewayErrorBlock.of("program CLOUD_SYSTEM_VIA_BC not registered", 679, "localhost",
                "sapgw00");
        AppcRecord record = AppcRecord.withError(new AppcHeader(AppcFunction.F_SAP_INIT).appcReturnCode(2)
                .sapReturnCode(679), block.encode());
        AppcRecord decoded = AppcRecord.decode(record.encode());
        assertTrue(decoded.header().infoFlags().contains(org.rfcbridge.protocol.appc.AppcFlags.Info.WITH_ERR_INFO));
        GatewayErrorBlock back = GatewayErrorBlock.decode(decoded.errorText());
        assertEquals("program CLOUD_SYSTEM_VIA_BC not registered", back.message());
        assertEquals(679, back.returnCode());
        assertEquals(block, back);
        assertThrows(RfcProtocolException.class, () -> GatewayErrorBlock.decode("*ERR*\0open".getBytes()));
    }
}
