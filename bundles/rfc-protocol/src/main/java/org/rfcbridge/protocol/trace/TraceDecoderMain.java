package org.rfcbridge.protocol.trace;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.json.FunctionJson;
import org.rfcbridge.protocol.json.Json;

/**
 * {@code ./rfcbridge decode [--metadata FILE.json] FILE...}: prints one JSON document,
 * {@code {"files": [{"file": NAME, "records": [...]}, ...]}}. Exit status 0 when every file decoded,
 * 1 with a message naming the file and byte offset when one did not, 2 for wrong arguments.
 */
public final class TraceDecoderMain {
    private TraceDecoderMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the decoder; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> files = new ArrayList<>();
        List<FunctionMetadata> functions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--metadata")) {
                if (i + 1 >= args.length) {
                    err.println("decode: --metadata needs a file");
                    return 2;
                }
                try {
                    functions.addAll(readMetadata(Path.of(args[++i])));
                } catch (IOException | IllegalArgumentException e) {
                    err.println("decode: metadata " + args[i] + ": " + e.getMessage());
                    return 2;
                }
            } else if (args[i].startsWith("--")) {
                err.println("decode: unknown option " + args[i] + "; usage: decode [--metadata FILE.json] FILE...");
                return 2;
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            err.println("decode: usage: decode [--metadata FILE.json] FILE...");
            return 2;
        }
        List<Object> results = new ArrayList<>();
        for (Path file : files) {
            TraceDecoder decoder = new TraceDecoder(ProtocolLimits.DEFAULT, functions);
            try {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("file", file.toString());
                // a destination's trace (file name with -wsrfc-) holds WebSocket RFC messages, a listener's NI records
                result.put("records", decoder.decode(Files.readAllBytes(file), TraceDirectory.isWsRfc(file)));
                results.add(result);
            } catch (RfcProtocolException e) {
                err.println("decode: " + file + ": malformed at byte offset " + e.offset() + ": " + e.problem());
                return 1;
            } catch (IOException e) {
                err.println("decode: " + file + ": cannot read: " + e.getMessage());
                return 1;
            }
        }
        out.println(Json.writePretty(Map.of("files", results)));
        return 0;
    }

    private static List<FunctionMetadata> readMetadata(Path file) throws IOException {
        Object json = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        List<FunctionMetadata> functions = new ArrayList<>();
        if (json instanceof List<?> list) {
            for (Object item : list) {
                functions.add(FunctionJson.metadata(item));
            }
        } else {
            functions.add(FunctionJson.metadata(json));
        }
        return functions;
    }
}
