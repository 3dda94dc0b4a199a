package org.rfcbridge.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.AbapException;
import org.rfcbridge.api.LogonFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.protocol.appc.AppcFlags;
import org.rfcbridge.protocol.appc.AppcFunction;
import org.rfcbridge.protocol.appc.AppcHeader;
import org.rfcbridge.protocol.appc.AppcRecord;
import org.rfcbridge.protocol.appc.ExtendedInfo;
import org.rfcbridge.protocol.appc.IncomingDataInfo;
import org.rfcbridge.protocol.appc.InitializeParameters;
import org.rfcbridge.protocol.appc.PartnerLuNameParameters;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.classic.LogonResponse;
import org.rfcbridge.protocol.gateway.AcceptInfo;
import org.rfcbridge.protocol.gateway.GatewayRecord;
import org.rfcbridge.protocol.gateway.GatewayRequestType;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.item.ItemReader;
import org.rfcbridge.protocol.ni.NiFrames;

/**
 * Every capture of {@code shared/vectors/sap-captures} decodes to what its README and
 * {@code protocol-cpic.md} §3.2 say it holds, and re-encodes to the same bytes.
 */
class CapturedFramesTest {
    private final ClassicSerializer serializer = new ClassicSerializer(ProtocolLimits.DEFAULT);

    private static List<String> itemSequence(byte[] data) throws RfcProtocolException {
        List<String> ids = new ArrayList<>();
        ItemReader reader = new ItemReader(data);
        while (reader.next()) {
            ids.add(ItemIds.hex(reader.id()) + (reader.valueLength() > 0 ? "(" + reader.valueLength() + ")" : ""));
        }
        assertTrue(reader.ended(), "the chain ends with ffff");
        return ids;
    }

    @Test
    void gwNormalClientAndTheGatewaysReply() throws Exception {
        byte[] request = Captures.payload("server_ni_init_client.bin");
        GatewayRecord client = GatewayRecord.decode(request);
        assertEquals(2, client.version());
        assertEquals(GatewayRequestType.GW_NORMAL_CLIENT, client.type());
        assertEquals("1100", client.codePage());
        assertEquals(0xcb, client.acceptInfo());
        assertEquals(EnumSet.of(AcceptInfo.EINFO, AcceptInfo.PING, AcceptInfo.CONN_EINFO, AcceptInfo.EXTINITOPT,
                AcceptInfo.GW_ACCEPT_DIST_TRACE), client.acceptInfoFlags());
        assertEquals("python3", Bytes.trimmed(client.service()));
        assertEquals("titan", Bytes.trimmed(client.lu()));
        assertEquals(0x06, client.optionLevel());
        assertEquals(-1, client.index());
        assertArrayEquals(request, client.encode(), "re-encoding gives SAP's bytes");

        byte[] reply = Captures.payload("server_ni_init_gateway.bin");
        GatewayRecord gateway = GatewayRecord.decode(reply);
        assertEquals("4103", gateway.codePage());
        assertEquals(0x0f, gateway.optionLevel());
        assertEquals(0xfb, gateway.acceptInfo());
        assertArrayEquals(reply, client.gatewayReply().encode(), "our gateway answers exactly as SAP's did");
    }

    @Test
    void fInitializeConversationAndItsReply() throws Exception {
        byte[] payload = Captures.payload("server_registration_request.bin");
        AppcRecord record = AppcRecord.decode(payload);
        AppcHeader h = record.header();
        assertEquals(AppcFunction.F_INITIALIZE_CONVERSATION, h.appcFunction());
        assertEquals(2, h.protocol());
        assertEquals(0xffff, h.uid());
        assertEquals(0x01, h.info2());
        assertEquals(0xc0, h.info3());
        assertEquals(EnumSet.of(AppcFlags.Info3.GW_EXTENDED_INIT_OPTIONS, AppcFlags.Info3.GW_DIST_TRACE), h.info3Flags());
        assertEquals(4, h.info4());
        assertEquals(0x05, h.info());
        assertEquals(373, h.sapParameterLength());
        assertEquals(AppcHeader.NO_CONVERSATION, h.conversationId());
        ExtendedInfo info = ExtendedInfo.decode(h.operationInfo());
        assertEquals("NWRFC", Bytes.trimmed(info.shortDestination()));
        assertEquals('I', info.connectionType());
        assertEquals(1, info.clientInfo());
        assertEquals("sapdp00", Bytes.trimmed(info.tp()));
        InitializeParameters parameters = InitializeParameters.decode(record.parameters(), 0);
        assertEquals("NWRFC", Bytes.trimmed(parameters.clientId()));
        assertEquals("CPIC", Bytes.trimmed(parameters.protocolName()));
        assertEquals(-2, parameters.timeout());
        assertEquals("sapdp00", Bytes.trimmed(parameters.longTpName()));
        assertArrayEquals(record.parameters(), parameters.encode());
        assertArrayEquals(payload, record.encode());

        byte[] ack = Captures.payload("server_registration_ack.bin");
        AppcHeader reply = AppcHeader.decode(ack);
        assertEquals(AppcFunction.F_INITIALIZE_CONVERSATION, reply.appcFunction());
        assertEquals(6, reply.info4());
        assertTrue(reply.conversationId().matches("\\d{8}"), "conversation id assigned: " + reply.conversationId());
        assertArrayEquals(ack, AppcRecord.decode(ack).encode());
    }

    @Test
    void setPartnerLuNameThenAllocateInOneFile() throws Exception {
        List<NiFrames.Record> records = Captures.records("server_inbound_call_request.bin");
        assertEquals(2, records.size());
        AppcRecord partner = AppcRecord.decode(records.get(0).payload());
        assertEquals(224, records.get(0).payload().length);
        assertEquals(0x0f, partner.header().function());
        assertEquals(144, partner.header().sapParameterLength());
        PartnerLuNameParameters lu = PartnerLuNameParameters.decode(partner.parameters(), 0);
        assertArrayEquals(partner.parameters(), lu.encode());
        AppcRecord allocate = AppcRecord.decode(records.get(1).payload());
        assertEquals(0x05, allocate.header().function());
        assertEquals(80, records.get(1).payload().length);
    }

    @Test
    void stfcChangingRequest() throws Exception {
        AppcRecord record = AppcRecord.decode(Captures.payload("stfc_changing_request.bin"));
        assertEquals(AppcFunction.F_SAP_SEND, record.header().appcFunction());
        assertEquals("70156748", record.header().conversationId());
        assertEquals("000000a800008500", Bytes.hex(record.tail(), 0, 8), "8-byte SAP parameter tail");
        assertEquals(168, record.data().length);
        assertEquals(List.of("0502", "000b(6)", "0102(26)", "0512", "0205(14)", "0205(12)", "0201(14)", "0203(4)",
                "0201(22)", "0203(4)", "ffff"), itemSequence(record.data()));
        Function call = serializer.decoder().decodeRequest(record.data(), 0, record.data().length, Captures.stfcChanging());
        assertEquals(1, call.changing().getInt("COUNTER"));
        assertEquals(10, call.imports().getInt("START_VALUE"));
        assertTrue(call.isActive("RESULT"));
        assertTrue(call.isActive("COUNTER"));
        assertEquals("STFC_CHANGING", serializer.decoder().functionName(record.data(), 0, record.data().length));
    }

    @Test
    void stfcChangingResponse() throws Exception {
        AppcRecord record = AppcRecord.decode(Captures.payload("stfc_changing_response.bin"));
        assertEquals(0, record.tail().length, "responses carry no tail");
        IncomingDataInfo info = IncomingDataInfo.decode(record.header().operationInfo());
        assertEquals(28_000, info.receiveCapacity());
        assertEquals(252, info.dataLength());
        assertEquals("4103", info.codePage());
        assertEquals(4, info.connectionIndex());
        assertEquals(List.of("0500", "0503", "0514(16)", "0420(4)", "0512", "0205(12)", "0205(14)", "0201(12)", "0203(4)",
                "0201(14)", "0203(4)", "0130(80)", "0667(8)", "ffff"), itemSequence(record.data()));
        Function call = Captures.stfcChanging().newFunction();
        serializer.decoder().decodeResponse(record.data(), 0, record.data().length, call, "A4H");
        assertEquals(11, call.exports().getInt("RESULT"));
        assertEquals(2, call.changing().getInt("COUNTER"));
        assertArrayEquals(Captures.payload("stfc_changing_response.bin"), record.encode());
    }

    @Test
    void stfcConnectionRequestAndResponse() throws Exception {
        AppcRecord request = AppcRecord.decode(Captures.payload("stfc_connection_request.bin"));
        assertEquals("0000028800008500", Bytes.hex(request.tail(), 0, 8));
        Function call = serializer.decoder().decodeRequest(request.data(), 0, request.data().length, Captures.stfcConnection());
        assertEquals("saprfc_capture_test", call.imports().getString("REQUTEXT"));
        assertEquals(510, call.imports().field("REQUTEXT").byteLength(), "CHAR 255 is 510 bytes of UTF-16LE");

        AppcRecord response = AppcRecord.decode(Captures.payload("stfc_connection_response.bin"));
        serializer.decoder().decodeResponse(response.data(), 0, response.data().length, call, "A4H");
        assertEquals("saprfc_capture_test", call.exports().getString("ECHOTEXT"));
        assertTrue(call.exports().getString("RESPTEXT").startsWith("SAP R/3 Rel. 758   Sysid: A4H"),
                call.exports().getString("RESPTEXT"));
    }

    @Test
    void abapExceptionResponse() throws Exception {
        AppcRecord record = AppcRecord.decode(Captures.payload("stfc_exception_response.bin"));
        assertEquals(List.of("0500", "0417(6)", "0401(14)", "ffff"), itemSequence(record.data()));
        AbapException e = assertThrows(AbapException.class, () -> serializer.decoder().decodeResponse(record.data(), 0,
                record.data().length, Captures.stfcChanging().newFunction(), "A4H"));
        assertEquals("EXAMPLE", e.key());
        assertEquals("000", e.abapMessage().number());
    }

    @Test
    void deepTableAsXrfcXml() throws Exception {
        AppcRecord record = AppcRecord.decode(Captures.payload("stfc_deep_table_request.bin"));
        Function call = serializer.decoder().decodeRequest(record.data(), 0, record.data().length, Captures.stfcDeepTable());
        Table rows = call.imports().getTable("IMPORT_TAB");
        assertEquals(3, rows.getNumRows());
        for (int i = 0; i < 3; i++) {
            rows.setRow(i);
            assertEquals(i + 1, rows.getInt("I"));
            assertEquals("ROW0" + (i + 1), rows.getString("C"));
            assertEquals("string" + (i + 1), rows.getString("STR"));
            assertEquals(0, rows.getBytes("XSTR").length);
        }
    }

    @Test
    void logonErrorReply() throws Exception {
        AppcRecord record = AppcRecord.decode(Captures.payload("server_response.bin"));
        LogonFailureException e = assertThrows(LogonFailureException.class,
                () -> LogonResponse.decode(record.data(), 0, record.data().length, ProtocolLimits.DEFAULT, "A4H"));
        assertTrue(e.getMessage().contains("Name or password is incorrect (repeat logon)"), e.getMessage());
    }
}
