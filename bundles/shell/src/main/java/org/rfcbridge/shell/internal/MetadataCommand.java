package org.rfcbridge.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.api.metadata.ParameterMetadata;
import org.rfcbridge.api.json.FunctionJson;

/** {@code rfc:metadata DEST FUNCTION}: a function's interface as the destination's repository reads it. */
@Service
@Command(scope = "rfc", name = "metadata", description = "Shows a function module's interface as read from the "
        + "destination's DDIC (cached; --refresh reads it again).")
public class MetadataCommand extends FunctionCommand {
    @Option(name = "--refresh", description = "Forget the cached interface first")
    boolean refresh;

    @Option(name = "--json", description = "The interface as JSON (the format ./rfcbridge onprem --metadata reads)")
    boolean json;

    @Override
    public Object execute() throws CommandException {
        var repository = destination(destination).repository();
        if (refresh) {
            repository.invalidate(function);
        }
        FunctionMetadata metadata;
        try {
            metadata = repository.getFunctionMetadata(function).orElseThrow(() -> new CommandException(
                    destination + " does not know function module " + function));
        } catch (RfcException e) {
            throw new CommandException("Cannot read the interface of " + function + " from " + destination + ": "
                    + e.kind() + ": " + e.getMessage());
        }
        if (json) {
            printObject(FunctionJson.toJson(metadata), true);
            return null;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ParameterMetadata p : metadata.parameters()) {
            rows.add(row("direction", p.direction().name(), "parameter", p.name(), "type", p.type().name(), "length",
                    p.length() > 0 ? p.length() : "", "rowType", p.recordType() == null ? "" : p.recordType().name()
                    + " (" + p.recordType().byteLength() + " bytes)", "optional", p.optional() ? "X" : "",
                    "description", p.description()));
        }
        print(rows, List.of("direction", "parameter", "type", "length", "rowType", "optional", "description"), false,
                function + " has no parameters");
        metadata.exceptions().forEach(e -> System.out.println("EXCEPTION " + e.key() + ": " + e.text()));
        return null;
    }
}
