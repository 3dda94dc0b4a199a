package org.rfcbridge.cpic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.classic.LogonRequest;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.simulators.samples.SampleDestination;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * The call log: one line per call on {@code org.rfcbridge.calls} with who called what where, the sizes, the
 * time split into bridge and cloud, and the result; an ABAP caller's error text carries the same call id, so
 * an administrator goes from the short dump to the line. No parameter value is written.
 */
class CallLogTest {
    private static final Pattern CALL_ID = Pattern.compile("RFC Bridge call ([0-9a-f]{12}): ");
    private final ClassicSerializer serializer = new ClassicSerializer(ProtocolLimits.DEFAULT);
    private final SampleDestination cloud = new SampleDestination("Connection_to_Cloud", "CLD");

    private byte[] chain(Function call) {
        return new LogonRequest("000", "DEVELOPER", null, "E", new byte[16], "10.0.0.1", "YI3", "yi3", "MYDESTINATION_000",
                "SAPLSRFC", "RFCPING", "YI3").encodeRelayed(serializer.encoder().encodeRequest(call), null);
    }

    private List<String> logged(Runnable calls) {
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));     // slf4j-simple writes here
        try {
            calls.run();
        } finally {
            System.setErr(err);
        }
        return Arrays.stream(log.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(line -> line.contains(CallRecord.LOGGER)).toList();
    }

    @Test
    void aCallAndAFailedCallEachLeaveOneLineAndTheCallerSeesTheCallId() {
        BridgeCallHandler handler = new BridgeCallHandler("CLOUD_SYSTEM_VIA_BC", () -> call -> {
            if (call.functionName().equals("STFC_CHANGING")) {
                throw new SystemFailureException("No routing rule matches sender YI3000");
            }
            return cloud;
        }, () -> cloud, "Connection_to_Cloud", false, new ListenerCounters(), ProtocolLimits.DEFAULT,
                TableCompression.NONE);
        Function ok = SampleFunctions.STFC_CONNECTION.newFunction();
        ok.imports().setValue("REQUTEXT", "secret-looking value");
        String[] refused = new String[1];
        List<String> lines = logged(() -> {
            try {
                handler.handle(chain(ok), (b, o, l) -> { });
                byte[] reply = handler.handle(chain(SampleFunctions.STFC_CHANGING.newFunction()), (b, o, l) -> { });
                refused[0] = assertThrows(SystemFailureException.class, () -> serializer.decoder().decodeResponse(reply,
                        0, reply.length, SampleFunctions.STFC_CHANGING.newFunction(), "the bridge")).getMessage();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches(".*call=[0-9a-f]{12} listener=CLOUD_SYSTEM_VIA_BC sender=YI3000 "
                + "receiver=MYDESTINATION_000 user=DEVELOPER function=STFC_CONNECTION rule=- "
                + "destination=Connection_to_Cloud "
                + "bytes.in=\\d+ bytes.out=\\d+ rows=0 ms.total=[\\d.]+ ms.bridge=[\\d.]+ ms.cloud=[\\d.]+ result=OK"),
                lines.get(0));
        assertFalse(lines.get(0).contains("secret-looking value"), "no parameter value is logged");
        Matcher id = CALL_ID.matcher(refused[0]);
        assertTrue(id.find(), refused[0]);
        assertTrue(lines.get(1).contains("call=" + id.group(1) + " ") && lines.get(1).contains("function=STFC_CHANGING")
                && lines.get(1).contains("result=SYSTEM_FAILURE text=\"No routing rule matches sender YI3000\""),
                lines.get(1));
    }
}
