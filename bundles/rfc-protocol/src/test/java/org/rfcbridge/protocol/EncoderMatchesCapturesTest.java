package org.rfcbridge.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.AbapException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.appc.AppcDataMessages;
import org.rfcbridge.protocol.appc.AppcFunction;
import org.rfcbridge.protocol.appc.AppcHeader;
import org.rfcbridge.protocol.appc.AppcRecord;
import org.rfcbridge.protocol.appc.IncomingDataInfo;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.classic.ErrorEnvelope;
import org.rfcbridge.protocol.classic.ResponseOptions;

/**
 * Our encoders produce SAP's bytes: the STFC_CHANGING request and response and the exception
 * response of the captures, APPC header included; only the conversation id and the RFC GUID come from
 * the capture, as the issue allows.
 */
class EncoderMatchesCapturesTest {
    private final ClassicSerializer serializer = new ClassicSerializer(ProtocolLimits.DEFAULT);

    @Test
    void stfcChangingRequestByteForByte() throws Exception {
        byte[] sap = Captures.payload("stfc_changing_request.bin");
        Function call = Captures.stfcChanging().newFunction();
        call.changing().setValue("COUNTER", 1);
        call.imports().setValue("START_VALUE", 10);
        byte[] data = serializer.encoder().encodeRequest(call);

        AppcHeader template = new AppcHeader(AppcFunction.F_SAP_SEND).protocol(2).conversationId("70156748");
        List<AppcRecord> records = AppcDataMessages.outgoing(template, data, 0xffff, 4);
        assertEquals(1, records.size(), "168 bytes travel as one compact record");
        assertEquals(Bytes.hex(sap, 0, sap.length), Bytes.hex(records.get(0).encode(), 0, records.get(0).encode().length));
        assertArrayEquals(sap, records.get(0).encode());
    }

    @Test
    void exceptionResponseByteForByte() throws Exception {
        byte[] sap = Captures.payload("stfc_exception_response.bin");
        byte[] data = ErrorEnvelope.encode(new AbapException("EXAMPLE", null));
        assertArrayEquals(sap, incomingRecord("60147615", data), "exception reply");
    }

    @Test
    void stfcChangingResponseByteForByte() throws Exception {
        byte[] sap = Captures.payload("stfc_changing_response.bin");
        AppcRecord captured = AppcRecord.decode(sap);
        byte[] guid = java.util.Arrays.copyOfRange(captured.data(), 16, 32);
        Function call = Captures.stfcChanging().newFunction();
        call.exports().setValue("RESULT", 11);
        call.changing().setValue("COUNTER", 2);
        call.setActive("START_VALUE", false);
        byte[] data = serializer.encoder().encodeResponse(call, new ResponseOptions(guid, "SAPLMRFC", 83.0));
        assertEquals(Bytes.hex(captured.data(), 0, captured.data().length), Bytes.hex(data, 0, data.length));
        assertArrayEquals(sap, incomingRecord("70156748", data));
    }

    /** A data record as the NetWeaver 7.58 gateway delivered the captured replies. */
    private static byte[] incomingRecord(String conversation, byte[] data) {
        AppcHeader header = new AppcHeader(AppcFunction.F_SAP_SEND).protocol(2).time(0x10000).info3(1).timeout(500)
                .info4(2).sequenceNumber(1).sapParameterLength(8).info(0x05).vector(0x0c).conversationId(conversation)
                .operationInfo(new IncomingDataInfo(IncomingDataInfo.CAPACITY, data.length, "4103", 0, 4).encode());
        return AppcRecord.withData(header, data).encode();
    }
}
