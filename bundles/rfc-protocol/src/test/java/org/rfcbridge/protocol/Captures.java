package org.rfcbridge.protocol;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.api.metadata.RecordMetadata;
import org.rfcbridge.protocol.ni.NiFrames;

/**
 * The frames captured from SAP NetWeaver 7.58 in {@code shared/vectors/sap-captures/}, read where they
 * are; tests using them are skipped, saying why, where the folder is absent. Also the interfaces of
 * the captured functions, as RFC_GET_FUNCTION_INTERFACE lists them (classes C, E, I, T, sorted).
 */
public final class Captures {
    private Captures() {
    }

    /** The folder of the captures. */
    public static Path folder() {
        return Path.of(System.getProperty("rfcbridge.vectors", "../../../shared/vectors")).resolve("sap-captures");
    }

    /** The raw bytes of a capture file. */
    public static byte[] file(String name) {
        Path file = folder().resolve(name);
        assumeTrue(Files.isRegularFile(file), "skipped: the SAP captures are not at " + file.toAbsolutePath()
                + " (shared/vectors beside the checkout)");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The NI record payloads of a capture file. */
    public static List<NiFrames.Record> records(String name) throws RfcProtocolException {
        return NiFrames.split(file(name), ProtocolLimits.DEFAULT.maxRecordBytes());
    }

    /** The payload of a capture file holding one record. */
    public static byte[] payload(String name) throws RfcProtocolException {
        List<NiFrames.Record> records = records(name);
        if (records.size() != 1) {
            throw new IllegalStateException(name + " holds " + records.size() + " records");
        }
        return records.get(0).payload();
    }

    /** STFC_CHANGING. */
    public static FunctionMetadata stfcChanging() {
        return FunctionMetadata.builder("STFC_CHANGING")
                .parameter(Direction.CHANGING, "COUNTER", AbapType.INT4, 0, true)
                .parameter(Direction.EXPORT, "RESULT", AbapType.INT4, 0, false)
                .parameter(Direction.IMPORT, "START_VALUE", AbapType.INT4, 0, false)
                .build();
    }

    /** STFC_CONNECTION. */
    public static FunctionMetadata stfcConnection() {
        return FunctionMetadata.builder("STFC_CONNECTION")
                .parameter(Direction.EXPORT, "ECHOTEXT", AbapType.CHAR, 255, false)
                .parameter(Direction.EXPORT, "RESPTEXT", AbapType.CHAR, 255, false)
                .parameter(Direction.IMPORT, "REQUTEXT", AbapType.CHAR, 255, false)
                .build();
    }

    /** STFC_DEEP_TABLE: a table whose rows hold STRING and XSTRING. */
    public static FunctionMetadata stfcDeepTable() {
        RecordMetadata row = RecordMetadata.builder("STFC_DEEP_TABLE_ROW").field("I", AbapType.INT4)
                .field("C", AbapType.CHAR, 10).field("STR", AbapType.STRING).field("XSTR", AbapType.XSTRING).build();
        return FunctionMetadata.builder("STFC_DEEP_TABLE")
                .table(Direction.EXPORT, "EXPORT_TAB", row, false)
                .parameter(Direction.EXPORT, "RESPTEXT", AbapType.CHAR, 255, false)
                .table(Direction.IMPORT, "IMPORT_TAB", row, false)
                .build();
    }
}
