package org.rfcbridge.simulators.samples;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import org.rfcbridge.api.AbapException;
import org.rfcbridge.api.AbapMessage;
import org.rfcbridge.api.AbapMessageException;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.Structure;
import org.rfcbridge.api.data.Table;

/** What the sample function modules do, as their SAP originals do it. */
public final class SampleImplementations {
    private SampleImplementations() {
    }

    /** The flights BAPI_FLIGHT_GETLIST knows: the flight model's classic connections. */
    private static final String[][] FLIGHTS = {
        {"LH", "Lufthansa", "0400", "FRA", "FRANKFURT", "JFK", "NEW YORK", "101000", "113400", "0", "666.0000", "EUR"},
        {"LH", "Lufthansa", "0402", "FRA", "FRANKFURT", "JFK", "NEW YORK", "133000", "155300", "0", "666.0000", "EUR"},
        {"LH", "Lufthansa", "2402", "FRA", "FRANKFURT", "SXF", "BERLIN", "103000", "113500", "0", "242.0000", "EUR"},
        {"AA", "American Airlines", "0017", "JFK", "NEW YORK", "SFO", "SAN FRANCISCO", "110000", "140100", "0",
            "422.9400", "USD"},
        {"UA", "United Airlines", "0941", "FRA", "FRANKFURT", "SFO", "SAN FRANCISCO", "143000", "170000", "0",
            "879.8200", "USD"},
        {"QF", "Qantas Airways", "0005", "SIN", "SINGAPORE", "FRA", "FRANKFURT", "225000", "053500", "1",
            "1088.3300", "AUD"},
    };

    /** The flight date of every sample flight: the first of next month, so lists look current. */
    private static LocalDate flightDate() {
        return LocalDate.now().withDayOfMonth(1).plusMonths(1);
    }

    private static void flightList(Function function) {
        String airline = function.imports().getString("AIRLINE");
        int max = function.imports().getInt("MAX_ROWS");
        Table list = function.tables().getTable("FLIGHT_LIST");
        LocalDate date = flightDate();
        for (String[] f : FLIGHTS) {
            if ((!airline.isEmpty() && !airline.equals(f[0])) || (max > 0 && list.getNumRows() >= max)) {
                continue;
            }
            list.appendRow();
            list.setValue("AIRLINEID", f[0]);
            list.setValue("AIRLINE", f[1]);
            list.setValue("CONNECTID", f[2]);
            list.setValue("FLIGHTDATE", date);
            list.setValue("AIRPORTFR", f[3]);
            list.setValue("CITYFROM", f[4]);
            list.setValue("AIRPORTTO", f[5]);
            list.setValue("CITYTO", f[6]);
            list.setValue("DEPTIME", LocalTime.parse(f[7], DateTimeFormatter.ofPattern("HHmmss")));
            list.setValue("ARRTIME", LocalTime.parse(f[8], DateTimeFormatter.ofPattern("HHmmss")));
            list.setValue("ARRDATE", date.plusDays(Integer.parseInt(f[9])));
            list.setValue("PRICE", new BigDecimal(f[10]));
            list.setValue("CURR", f[11]);
        }
        Table messages = function.tables().getTable("RETURN");
        messages.appendRow();
        messages.setValue("TYPE", list.isEmpty() ? "E" : "S");
        messages.setValue("ID", "BC_IBF");
        messages.setValue("NUMBER", list.isEmpty() ? "055" : "000");
        messages.setValue("MESSAGE", list.isEmpty() ? "No flights found" : list.getNumRows() + " flights found");
    }

    /** Row i holds the bytes (i + j) mod 256 for j below the width, so a receiver can check every byte. */
    private static void readRows(Function function) throws SystemFailureException {
        int count = function.imports().getInt("ROW_COUNT");
        int width = function.imports().isInitial("ROW_WIDTH") ? 512 : function.imports().getInt("ROW_WIDTH");
        if (count < 0 || width < 0 || width > 512) {
            throw new SystemFailureException("Z_RFCBRIDGE_READ_ROWS: ROW_COUNT must be >= 0 and ROW_WIDTH 0-512, got "
                    + count + " and " + width);
        }
        Table data = function.tables().getTable("DATA");
        data.ensureCapacity(data.getNumRows() + count);
        byte[] row = new byte[512];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < width; j++) {
                row[j] = (byte) (i + j);
            }
            data.appendRow(row, 0);
        }
    }

    private static void writeRows(Function function) {
        Table rows = function.tables().getTable("ROWS");
        function.exports().setValue("ROW_COUNT", rows.getNumRows());
        function.exports().setValue("CHECKSUM", checksum(rows));
        rows.clear();
    }

    /** The CRC-32 of a table's rows' bytes, in order (what Z_RFCBRIDGE_WRITE_ROWS answers). */
    public static long checksum(Table rows) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] row = new byte[rows.metadata().byteLength()];
        for (int i = 0; i < rows.getNumRows(); i++) {
            rows.copyRowTo(i, row, 0);
            crc.update(row);
        }
        return crc.getValue();
    }

    private static void raise(String kind) throws RfcException {
        switch (kind) {
            case "ABAP_EXCEPTION":
                throw new AbapException("NOT_FOUND", "Nothing found");
            case "ABAP_MESSAGE":
                throw new AbapMessageException(new AbapMessage("SR", "E", "012", "Z_RFCBRIDGE_RAISE", "", "", "",
                        "Sample error message of Z_RFCBRIDGE_RAISE"));
            case "SYSTEM_FAILURE":
                throw new SystemFailureException("Division by zero in Z_RFCBRIDGE_RAISE", "COMPUTE_INT_ZERODIVIDE", null);
            default:
                throw new AbapException("NOT_FOUND", "Unknown KIND '" + kind + "': use ABAP_EXCEPTION, ABAP_MESSAGE or "
                        + "SYSTEM_FAILURE");
        }
    }

    /** Sleeps, at most ten minutes, so a timeout can be provoked without tying a thread up for ever. */
    private static void sleep(int milliseconds) throws SystemFailureException {
        try {
            Thread.sleep(Math.max(0, Math.min(milliseconds, 600_000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SystemFailureException("Z_RFCBRIDGE_SLEEP was interrupted");
        }
    }

    private static void echoWide(Function function) {
        for (int i = 1; i <= 21; i++) {
            function.exports().setValue(String.format("E_%02d", i), function.imports().getString(String.format("I_%02d", i)));
        }
        Structure in = function.imports().getStructure("IN_STRUCT");
        byte[] raw = new byte[in.metadata().byteLength()];
        in.getRaw(raw, 0);
        function.exports().getStructure("OUT_STRUCT").setRaw(raw, 0);
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
            case "BAPI_FLIGHT_GETLIST":
                flightList(function);
                return;
            case "Z_RFCBRIDGE_READ_ROWS":
                readRows(function);
                return;
            case "Z_RFCBRIDGE_WRITE_ROWS":
                writeRows(function);
                return;
            case "Z_RFCBRIDGE_RAISE":
                raise(function.imports().getString("KIND"));
                return;
            case "Z_RFCBRIDGE_SLEEP":
                sleep(function.imports().getInt("MILLISECONDS"));
                return;
            case "Z_RFCBRIDGE_WIDE":
                echoWide(function);
                return;
            default:
                throw new SystemFailureException("Function module " + function.name() + " not found",
                        "CALL_FUNCTION_NOT_FOUND", null);
        }
    }
}
