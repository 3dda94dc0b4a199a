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
import org.rfcbridge.protocol.json.FunctionJson;
import org.rfcbridge.protocol.json.Json;
import org.rfcbridge.protocol.trace.TraceDecoderMain;

/** {@code ./rfcbridge decode}: JSON for every capture, parameters with metadata, exit status and offsets on bad input. */
class TraceDecoderMainTest {
    @TempDir
    Path temp;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TraceDecoderMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @SuppressWarnings("unchecked")
    void decodesACaptureWithItemsByIdNameAndValue() {
        Captures.file("stfc_changing_request.bin");
        Run run = run(Captures.folder().resolve("stfc_changing_request.bin").toString());
        assertEquals(0, run.status(), run.err());
        Map<String, Object> json = (Map<String, Object>) Json.parse(run.out());
        Map<String, Object> record = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) ((List<Object>) json
                .get("files")).get(0)).get("records")).get(0);
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
    void withMetadataTheParametersAreDecoded() throws Exception {
        Captures.file("stfc_changing_response.bin");
        Path metadata = temp.resolve("stfc_changing.json");
        Files.writeString(metadata, Json.write(FunctionJson.toJson(Captures.stfcChanging())));
        Run run = run("--metadata", metadata.toString(), Captures.folder().resolve("stfc_changing_request.bin").toString(),
                Captures.folder().resolve("stfc_changing_response.bin").toString(),
                Captures.folder().resolve("stfc_exception_response.bin").toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("\"START_VALUE\": 10"), run.out());
        assertTrue(run.out().contains("\"RESULT\": 11"), run.out());
        assertTrue(run.out().contains("\"key\": \"EXAMPLE\""), run.out());
        assertTrue(run.out().contains("\"error\": \"ABAP_EXCEPTION\""), run.out());
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
        Path file = temp.resolve("compressed.bin");
        Files.write(file, trace.toByteArray());

        Run run = run(file.toString());
        assertEquals(0, run.status(), run.err());
        Map<String, Object> json = (Map<String, Object>) Json.parse(run.out());
        Map<String, Object> record = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) ((List<Object>) json
                .get("files")).get(0)).get("records")).get(0);
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
    void theLogonPasswordIsNeverPrinted() {
        Captures.file("server_response.bin");
        Run run = run(Captures.folder().resolve("server_response.bin").toString());
        assertEquals(0, run.status());
        assertTrue(run.out().contains("Name or password is incorrect (repeat logon)"));
    }

    @Test
    void malformedInputNamesTheFileAndOffset() throws Exception {
        byte[] capture = Captures.file("stfc_changing_request.bin");
        byte[] broken = capture.clone();
        broken[4 + 80 + 4] = 0x77;                            // the closing id of the first item
        Path file = temp.resolve("broken.bin");
        Files.write(file, broken);
        Run run = run(file.toString());
        assertEquals(1, run.status());
        assertTrue(run.err().startsWith("decode: " + file + ": malformed at byte offset 88:"), run.err());
        assertFalse(run.out().contains("records"));
        assertEquals(2, run("--metadata").status());
        assertEquals(2, run().status());
        assertEquals(1, run(temp.resolve("missing.bin").toString()).status());
    }
}
