package org.rfcbridge.shell.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.Row;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.BundleContext;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcListener;
import org.rfcbridge.api.status.LiveServices;
import org.rfcbridge.api.status.StatusRows;
import org.rfcbridge.api.json.JsonText;

/**
 * What every {@code rfc:*} command shares: the services of the moment ({@link Services}) and
 * output as a table for people or, with {@code --json}, as JSON for scripts. A failure is thrown as
 * Karaf's {@link CommandException}: the console prints its message, {@code bin/client} exits with
 * a non-zero status, and the log gets no stack trace for what is an answer, not a fault.
 */
abstract class RfcCommand implements Action {
    @Reference
    BundleContext bundleContext;

    /** Every service of a type. */
    <T> List<T> services(Class<T> type) {
        return LiveServices.list(bundleContext, type);
    }

    /** The service of a type whose configuration's {@code name} is {@code name}. */
    <T> Optional<T> named(Class<T> type, String name, java.util.function.Function<T, String> nameOf) {
        return services(type).stream().filter(s -> nameOf.apply(s).equals(name)).findFirst();
    }

    /** The listener with a name, or a failure saying how to find the names. */
    RfcListener listener(String name) throws CommandException {
        return named(RfcListener.class, name, RfcListener::name).orElseThrow(() -> new CommandException(
                "No listener named " + name + "; rfc:listener-list shows them"));
    }

    /** The destination with a name, or a failure saying how to find the names. */
    RfcDestination destination(String name) throws CommandException {
        return named(RfcDestination.class, name, RfcDestination::name).orElseThrow(() -> new CommandException(
                "No destination named " + name + "; rfc:server-list shows them"));
    }

    /**
     * The version of the JSON every command prints ({@code docs/json.md}): raised when a key changes its meaning or
     * type, not when a key is added.
     */
    static final int JSON_VERSION = 1;

    /**
     * Prints rows as a table whose headers are the keys in capitals ({@code programId} → PROGRAM ID),
     * or as JSON: {@code {"command": ..., "version": ..., "rows": [...]}} with typed values.
     */
    void print(List<Map<String, Object>> rows, List<String> keys, boolean json, String empty) {
        if (json) {
            Map<String, Object> document = document();
            document.put("rows", rows.stream().map(StatusRows::forJson).toList());
            System.out.println(JsonText.writePretty(document));
            return;
        }
        ShellTable table = new ShellTable().emptyTableText(empty);
        for (String key : keys) {
            table.column(header(key));
        }
        for (Map<String, Object> values : rows) {
            Row row = table.addRow();
            for (String key : keys) {
                Object value = values.get(key);
                row.addContent(value == null ? "" : value);
            }
        }
        table.print(System.out);
    }

    /** Prints one object as JSON (after the command and the version, typed), or its entries one per line for people. */
    void printObject(Map<String, Object> values, boolean json) {
        if (json) {
            Map<String, Object> document = document();
            document.putAll(StatusRows.forJson(values));
            System.out.println(JsonText.writePretty(document));
            return;
        }
        values.forEach((key, value) -> System.out.println(header(key) + ": " + (value == null ? "" : value)));
    }

    /** The head of every JSON output: which command printed it, in which version. */
    private Map<String, Object> document() {
        Command command = getClass().getAnnotation(Command.class);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("command", command == null ? getClass().getSimpleName() : command.scope() + ":" + command.name());
        document.put("version", JSON_VERSION);
        return document;
    }


    static String header(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }

    /** An ordered row from alternating keys and values ({@link StatusRows#row}). */
    static Map<String, Object> row(Object... keysAndValues) {
        return StatusRows.row(keysAndValues);
    }
}
