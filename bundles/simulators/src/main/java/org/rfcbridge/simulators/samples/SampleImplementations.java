package org.rfcbridge.simulators.samples;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.Structure;
import org.rfcbridge.api.data.Table;

/** What the sample function modules do, as their SAP originals do it. */
public final class SampleImplementations {
    private SampleImplementations() {
    }

    /**
     * Executes a sample function.
     *
     * @param systemId the answering system's ID, written into STFC_CONNECTION's RESPTEXT
     * @throws SystemFailureException for a function that is not a sample, as CALL_FUNCTION_NOT_FOUND
     */
    public static void execute(Function function, String systemId) throws RfcException {
        switch (function.name()) {
            case "RFC_PING":
                return;
            case "STFC_CONNECTION": {
                function.exports().setValue("ECHOTEXT", function.imports().getString("REQUTEXT"));
                function.exports().setValue("RESPTEXT", "SAP R/3 Rel. 758   Sysid: " + systemId + "      Date: "
                        + LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE) + "   Time: "
                        + LocalTime.now().format(DateTimeFormatter.ofPattern("HHmmss")));
                return;
            }
            case "STFC_CHANGING": {
                int counter = function.changing().getInt("COUNTER");
                function.exports().setValue("RESULT", function.imports().getInt("START_VALUE") + counter);
                function.changing().setValue("COUNTER", counter + 1);
                return;
            }
            case "STFC_STRUCTURE": {
                Structure in = function.imports().getStructure("IMPORTSTRUCT");
                byte[] row = new byte[in.metadata().byteLength()];
                in.getRaw(row, 0);
                function.exports().getStructure("ECHOSTRUCT").setRaw(row, 0);
                Table table = function.tables().getTable("RFCTABLE");
                table.appendRow(row, 0);
                function.exports().setValue("RESPTEXT", "SAP R/3 Rel. 758   Sysid: " + systemId + "   "
                        + table.getNumRows() + " rows");
                return;
            }
            default:
                throw new SystemFailureException("Function module " + function.name() + " not found",
                        "CALL_FUNCTION_NOT_FOUND", null);
        }
    }
}
