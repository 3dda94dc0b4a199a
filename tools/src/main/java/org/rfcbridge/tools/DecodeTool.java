package org.rfcbridge.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rfcbridge.api.json.FunctionJson;
import org.rfcbridge.api.json.JsonText;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.trace.TraceDecoder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./rfcbridge decode [--metadata FILE.json] FILE...}: prints one JSON document,
 * {@code {"files": [{"file": NAME, "records": [...]}, ...]}}. Exit status 0 when every file decoded,
 * 1 with a message naming the file and byte offset when one did not, 2 for wrong arguments.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decodes trace files (NI records, or WebSocket RFC messages for a file named *-wsrfc-*) to JSON.")
public final class DecodeTool extends Tool {
    @Option(names = "--metadata", paramLabel = "FILE.json",
            description = "Function metadata (one object or an array) to decode parameters by name")
    private final List<Path> metadata = new ArrayList<>();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Trace files")
    private final List<Path> files = new ArrayList<>();

    private DecodeTool(PrintStream out, PrintStream err) {
        super(out, err);
    }

    public static void main(String[] args) {
        exit(run(args, System.out, System.err));
    }

    /** Runs the decoder; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new DecodeTool(out, err).execute(args);
    }

    @Override
    public Integer call() {
        List<FunctionMetadata> functions = new ArrayList<>();
        for (Path file : metadata) {
            try {
                functions.addAll(FunctionJson.functions(JsonText.parse(Files.readString(file, StandardCharsets.UTF_8))));
            } catch (IOException | IllegalArgumentException e) {
                err.println("decode: metadata " + file + ": " + e.getMessage());
                return 2;
            }
        }
        List<Object> results = new ArrayList<>();
        for (Path file : files) {
            TraceDecoder decoder = new TraceDecoder(ProtocolLimits.DEFAULT, functions);
            try {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("file", file.toString());
                result.put("records", decoder.decode(file));
                results.add(result);
            } catch (RfcProtocolException e) {
                err.println("decode: " + file + ": malformed at byte offset " + e.offset() + ": " + e.problem());
                return 1;
            } catch (IOException e) {
                err.println("decode: " + file + ": cannot read: " + e.getMessage());
                return 1;
            }
        }
        out.println(JsonText.writePretty(Map.of("files", results)));
        return 0;
    }
}
