package org.rfcbridge.simulators.onprem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.appc.AppcDataMessages;
import org.rfcbridge.protocol.appc.AppcFunction;
import org.rfcbridge.protocol.appc.AppcHeader;
import org.rfcbridge.protocol.appc.AppcRecord;
import org.rfcbridge.protocol.appc.ClientConversationRecords;
import org.rfcbridge.protocol.appc.InitializeParameters;
import org.rfcbridge.protocol.ni.NiFrames;
import org.rfcbridge.protocol.registration.RegistrationRecords;
import org.rfcbridge.protocol.trace.TraceDecoder;

/**
 * The frames the simulated on-prem system sends have the header fields of SAP's captured frames in
 * the same places, and every one of them decodes with the trace decoder.
 */
class SimulatorFramesMatchCapturesTest {

    private static byte[] capturedPayload(String name) throws Exception {
        Path file = Path.of(System.getProperty("rfcbridge.vectors", "../../../shared/vectors"), "sap-captures", name);
        assumeTrue(Files.isRegularFile(file), "skipped: the SAP captures are not at " + file.toAbsolutePath());
        return NiFrames.split(Files.readAllBytes(file), 1 << 20).get(0).payload();
    }

    /** Header fields that must agree; conversation id and operation info (indices) legitimately differ. */
    private static void sameHeaderFields(AppcHeader sap, AppcHeader ours, String what) {
        Map<String, Object> expected = sap.fields();
        Map<String, Object> actual = ours.fields();
        for (String field : List.of("function", "protocol", "mode", "uid", "gatewayId", "info2", "info3", "info4",
                "sapParameterLength", "padding", "info", "vector", "appcReturnCode", "sapReturnCode")) {
            assertEquals(expected.get(field), actual.get(field), what + ": field " + field);
        }
    }

    @Test
    void theCallersInitializeMatchesTheCapturedClient() throws Exception {
        AppcRecord sap = AppcRecord.decode(capturedPayload("server_registration_request.bin"));
        AppcRecord ours = ClientConversationRecords.initialize("MYDEST", "onprem", "CLOUD_SY", 'R',
                InitializeParameters.client("YI3_000", "0123456789ABCDEF", "0123456789ABCDEF", "127.0.0.1", "DEV",
                        "CLOUD_SYSTEM_VIA_BC"));
        sameHeaderFields(sap.header(), ours.header(), "F_INITIALIZE_CONVERSATION");
        assertEquals(sap.parameters().length, ours.parameters().length);
    }

    @Test
    void theGatewaysInitializeReplyMatchesTheCapturedAck() throws Exception {
        AppcHeader sapAck = AppcHeader.decode(capturedPayload("server_registration_ack.bin"));
        AppcRecord request = AppcRecord.decode(capturedPayload("server_registration_request.bin"));
        AppcRecord ours = ClientConversationRecords.initializeReply(request.header(), "40000001", 4);
        sameHeaderFields(sapAck, ours.header(), "F_INITIALIZE reply");
    }

    @Test
    void theCallersDataRecordMatchesTheCapturedRequest() throws Exception {
        AppcRecord sap = AppcRecord.decode(capturedPayload("stfc_changing_request.bin"));
        AppcRecord ours = AppcDataMessages.outgoing(new AppcHeader(AppcFunction.F_SAP_SEND).protocol(2)
                .conversationId("40000001"), sap.data(), 0xffff, 4).get(0);
        sameHeaderFields(sap.header(), ours.header(), "F_SAP_SEND request");
        assertEquals(org.rfcbridge.protocol.Bytes.hex(sap.tail(), 0, 8), org.rfcbridge.protocol.Bytes.hex(ours.tail(), 0, 8));
    }

    @Test
    void theGatewaysReplyRecordMatchesTheCapturedResponse() throws Exception {
        AppcRecord sap = AppcRecord.decode(capturedPayload("stfc_changing_response.bin"));
        AppcRecord ours = ClientConversationRecords.incomingData("40000001", sap.data(), 4).get(0);
        sameHeaderFields(sap.header(), ours.header(), "F_SAP_SEND reply");
        assertEquals(sap.header().time(), ours.header().time());
        assertEquals(sap.header().timeout(), ours.header().timeout());
        assertEquals(sap.header().sequenceNumber(), ours.header().sequenceNumber());
        assertEquals(org.rfcbridge.protocol.Bytes.hex(sap.header().operationInfo(), 0, 32),
                org.rfcbridge.protocol.Bytes.hex(ours.header().operationInfo(), 0, 32), "incoming operation info");
    }

    @Test
    void everyFrameTheSimulatorSendsDecodes() throws Exception {
        List<byte[]> frames = List.of(
                RegistrationRecords.register(new byte[] {127, 0, 0, 1}, "bridge", "CLOUD_SYSTEM_VIA_BC").encode(),
                RegistrationRecords.register(new byte[] {127, 0, 0, 1}, "bridge", "CLOUD_SYSTEM_VIA_BC").gatewayReply().encode(),
                RegistrationRecords.ready().encode(), RegistrationRecords.rearm().encode(),
                RegistrationRecords.callArrives("40000002").encode(),
                RegistrationRecords.relayedCall("40000002", capturedPayloadData(), 0, capturedPayloadData().length, true, true).encode(),
                RegistrationRecords.reply("40000002", new byte[] {5, 0, 0, 0, 5, 0, -1, -1, 0, 0, -1, -1}, 0, 12, true).encode(),
                RegistrationRecords.deallocate("40000002").encode(), RegistrationRecords.unaccept("40000002").encode(),
                ClientConversationRecords.setPartnerLuName("40000002", "127.0.0.1").encode(),
                ClientConversationRecords.allocate("40000002", "MYDEST", "onprem", "CLOUD_SY", 'R', 4).encode(),
                ClientConversationRecords.deallocate("40000002").encode(),
                NiFrames.ping(), NiFrames.pong());
        java.io.ByteArrayOutputStream trace = new java.io.ByteArrayOutputStream();
        for (byte[] frame : frames) {
            trace.writeBytes(NiFrames.encode(frame));
        }
        List<Object> records = new TraceDecoder(ProtocolLimits.DEFAULT, List.of()).decode(trace.toByteArray());
        assertEquals(frames.size(), records.size());
        assertTrue(records.toString().contains("F_SAP_REGTP"));
        assertTrue(records.toString().contains("GW_REGISTER_TP"));
    }

    private static byte[] capturedPayloadData() throws Exception {
        return AppcRecord.decode(capturedPayload("stfc_changing_request.bin")).data();
    }
}
