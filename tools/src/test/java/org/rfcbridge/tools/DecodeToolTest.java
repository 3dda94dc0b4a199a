package org.rfcbridge.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfcbridge.api.json.FunctionJson;
import org.rfcbridge.api.json.JsonText;
import org.rfcbridge.protocol.Captures;

/** {@code ./rfcbridge decode}: parameters by name with metadata, exit status and offsets on bad input, usage. */
class DecodeToolTest {
    @TempDir
    Path temp;

    private static ToolRun run(String... args) {
        return ToolRun.of((out, err) -> DecodeTool.run(args, out, err));
    }

    @Test
    @SuppressWarnings("unchecked")
    void withMetadataTheParametersAreDecoded() throws Exception {
        Captures.file("stfc_changing_response.bin");
        Path metadata = temp.resolve("stfc_changing.json");
        Files.writeString(metadata, JsonText.write(FunctionJson.toJson(Captures.stfcChanging())));
        ToolRun run = run("--metadata", metadata.toString(),
                Captures.folder().resolve("stfc_changing_request.bin").toString(),
                Captures.folder().resolve("stfc_changing_response.bin").toString(),
                Captures.folder().resolve("stfc_exception_response.bin").toString());
        assertEquals(0, run.status(), run.err());
        List<Object> files = (List<Object>) ((Map<String, Object>) JsonText.parse(run.out())).get("files");
        assertEquals(3, files.size());
        String text = JsonText.write(files);
        assertTrue(text.contains("\"START_VALUE\":10"), text);
        assertTrue(text.contains("\"RESULT\":11"), text);
        assertTrue(text.contains("\"key\":\"EXAMPLE\""), text);
        assertTrue(text.contains("\"error\":\"ABAP_EXCEPTION\""), text);
    }

    @Test
    void malformedInputNamesTheFileAndOffset() throws Exception {
        byte[] capture = Captures.file("stfc_changing_request.bin");
        byte[] broken = capture.clone();
        broken[4 + 80 + 4] = 0x77;                            // the closing id of the first item
        Path file = temp.resolve("broken.bin");
        Files.write(file, broken);
        ToolRun run = run(file.toString());
        assertEquals(1, run.status());
        assertTrue(run.err().startsWith("decode: " + file + ": malformed at byte offset 88:"), run.err());
        assertFalse(run.out().contains("records"));
    }

    @Test
    void wrongArgumentsExitWithTwoAndATypoGetsTheNearestOption() throws Exception {
        assertEquals(2, run("--metadata").status());
        assertEquals(2, run().status());
        assertEquals(1, run(temp.resolve("missing.bin").toString()).status());
        Path metadata = temp.resolve("broken.json");
        Files.writeString(metadata, "{\"name\": ");
        ToolRun broken = run("--metadata", metadata.toString(), temp.resolve("any.bin").toString());
        assertEquals(2, broken.status());
        assertTrue(broken.err().startsWith("decode: metadata " + metadata + ": JSON: "), broken.err());

        ToolRun typo = run("--metdata", "f.json", "trace.bin");
        assertEquals(2, typo.status());
        assertTrue(typo.err().contains("Unknown option: '--metdata'"), typo.err());
        assertTrue(typo.err().contains("Possible solutions: --metadata"), "picocli proposes the nearest option: "
                + typo.err());
    }

    @Test
    void helpShowsTheUsageAndDoesNothingElse() {
        for (String help : List.of("--help", "-h")) {
            ToolRun run = run(help);
            assertEquals(0, run.status(), run.err());
            assertTrue(run.out().startsWith("Usage: decode [-hV] [--metadata=FILE.json]... FILE..."), run.out());
        }
    }
}
