package org.rfcbridge.shell.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.json.FunctionJson;
import org.rfcbridge.api.json.JsonText;

/**
 * {@code rfc:call DEST FUNCTION [JSON]}: calls a function in a destination with IMPORTING, CHANGING
 * and TABLES values given as JSON and prints the result as JSON, in the format of
 * {@code ./rfcbridge onprem call}.
 */
@Service
@Command(scope = "rfc", name = "call", description = "Calls a function module in a destination and prints the result "
        + "as JSON. Example: rfc:call Connection_to_Cloud STFC_CONNECTION '{\"REQUTEXT\":\"Hello\"}'")
public class CallCommand extends FunctionCommand {
    @Argument(index = 2, name = "json", description = "Parameter values, e.g. {\"REQUTEXT\":\"Hello\"}")
    String values;

    @Override
    public Object execute() throws CommandException {
        RfcDestination target = destination(destination);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("function", function);
        try {
            Function call = target.repository().getFunctionMetadata(function).orElseThrow(() -> new CommandException(
                    destination + " does not know function module " + function)).newFunction();
            if (values != null && !values.isBlank()) {
                try {
                    FunctionJson.setValues(call, JsonText.parse(values));
                } catch (IllegalArgumentException e) {
                    throw new CommandException("The parameter values cannot be used: " + e.getMessage());
                }
            }
            target.execute(call);
            result.put("result", FunctionJson.values(call, Direction.EXPORT, Direction.CHANGING, Direction.TABLES));
            System.out.println(JsonText.writePretty(result));
            return null;
        } catch (RfcException e) {
            result.put("error", FunctionJson.error(e));
            System.out.println(JsonText.writePretty(result));
            throw new CommandException(function + " failed: " + e.kind() + ": " + e.getMessage());
        }
    }
}
