package org.rfcbridge.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfcbridge.api.json.FunctionJson;
import org.rfcbridge.api.json.JsonText;
import org.rfcbridge.protocol.trace.TraceDecoder;

/** The trace decoder's JSON for captured records: items by id, name and value, compressed tables, no password. */
class TraceDecoderTest {
    /** The records of one trace file as the decoder gives them, written as JSON and read back. */
    @SuppressWarnings("unchecked")
    private static List<Object> decode(byte[] trace) throws RfcProtocolException {
        return (List<Object>) JsonText.parse(JsonText.write(new TraceDecoder(ProtocolLimits.DEFAULT, List.of())
                .decode(trace)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void decodesACaptureWithItemsByIdNameAndValue() throws Exception {
        Map<String, Object> record = (Map<String, Object>) decode(Captures.file("stfc_changing_request.bin")).get(0);
        assertEquals("APPC", record.get("kind"));
        assertEquals("F_SAP_SEND", ((Map<String, Object>) record.get("appc")).get("function"));
        List<Object> items = (List<Object>) record.get("items");
        Map<String, Object> function = (Map<String, Object>) items.get(2);
        assertEquals("0102", function.get("id"));
        assertEquals("FUNCTION_NAME", function.get("name"));
        assertEquals("STFC_CHANGING", function.get("value"));
        assertEquals(new java.math.BigDecimal(26), function.get("length"));
        Map<String, Object> value = (Map<String, Object>) items.get(7);
        assertEquals("0203", value.get("id"));
        assertEquals("01000000", value.get("value"));
        assertEquals("hex", value.get("encoding"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCompressedTableIsShownAsItsRowsWithAlgorithmAndSizes() throws Exception {
        org.rfcbridge.api.data.Function reply = StreamedReplyTest.TWO_TABLES.newFunction();
        org.rfcbridge.api.data.Table first = reply.tables().getTable("T_FIRST");
        for (int i = 0; i < 3000; i++) {
            first.appendRow();
            first.setValue("C", "ROW" + i);
        }
        byte[] chain = new org.rfcbridge.protocol.classic.ClassicSerializer(ProtocolLimits.DEFAULT,
                org.rfcbridge.protocol.classic.TableCompression.LZH).encoder().encodeResponse(reply,
                org.rfcbridge.protocol.classic.ResponseOptions.registeredServer("RFCBRIDGE", 1.0));
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        List<org.rfcbridge.protocol.appc.AppcRecord> records = org.rfcbridge.protocol.appc.ClientConversationRecords
                .incomingData("40000001", chain, 1);
        assertTrue(records.size() == 1, "the compressed reply fits one record: " + records.size());
        for (org.rfcbridge.protocol.appc.AppcRecord record : records) {
            byte[] payload = record.encode();
            org.rfcbridge.protocol.ni.NiFrames.write(trace, payload, 0, payload.length);
        }
        Map<String, Object> record = (Map<String, Object>) decode(trace.toByteArray()).get(0);
        Map<String, Object> table = ((List<Object>) record.get("items")).stream().map(i -> (Map<String, Object>) i)
                .filter(i -> i.containsKey("compressedTable")).findFirst().orElseThrow();
        assertEquals("T_FIRST", table.get("compressedTable"));
        assertEquals("LZH", table.get("algorithm"));
        int rowLength = ClassicRoundTripTest.ROW.byteLength();
        assertEquals(new java.math.BigDecimal(3000L * rowLength), table.get("uncompressedBytes"));
        assertTrue(((java.math.BigDecimal) table.get("compressedBytes")).intValue() < 3000 * rowLength / 4);
        List<Object> rows = (List<Object>) table.get("rows");
        assertEquals(3000, rows.size());
        Map<String, Object> last = (Map<String, Object>) rows.get(2999);
        byte[] text = "ROW2999".getBytes(StandardCharsets.UTF_16LE);
        String expected = "hex".equals(last.get("encoding")) ? Bytes.hex(text, 0, text.length) : "ROW2999";
        assertTrue(String.valueOf(last.get("value")).startsWith(expected), String.valueOf(last));
    }

    @Test
    void theLogonErrorOfAServerResponseIsShown() throws Exception {
        assertTrue(JsonText.write(decode(Captures.file("server_response.bin")))
                .contains("Name or password is incorrect (repeat logon)"));
    }
}
