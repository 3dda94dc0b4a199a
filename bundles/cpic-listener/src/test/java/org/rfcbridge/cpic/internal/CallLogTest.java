package org.rfcbridge.cpic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.CallSummary;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.classic.LogonRequest;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.simulators.samples.SampleDestination;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * What a listener tells the call log and the metrics: one {@link CallSummary} per call with who called what
 * where, the sizes, the time split into bridge and cloud, and the result; an ABAP caller's error text carries
 * the same call id, so an administrator goes from the short dump to the log line. No parameter value is passed.
 */
class CallLogTest {
    private static final Pattern CALL_ID = Pattern.compile("RFC Bridge call ([0-9a-f]{12}): ");
    private final ClassicSerializer serializer = new ClassicSerializer(ProtocolLimits.DEFAULT);
    private final SampleDestination cloud = new SampleDestination("Connection_to_Cloud", "CLD");

    private byte[] chain(Function call) {
        return new LogonRequest("000", "DEVELOPER", null, "E", new byte[16], "10.0.0.1", "YI3", "yi3", "MYDESTINATION_000",
                "SAPLSRFC", "RFCPING", "YI3").encodeRelayed(serializer.encoder().encodeRequest(call), null);
    }

    @Test
    void aCallAndAFailedCallEachEndOnceAndTheCallerSeesTheCallId() throws Exception {
        List<CallSummary> ended = new ArrayList<>();
        BridgeCallHandler handler = new BridgeCallHandler("CLOUD_SYSTEM_VIA_BC", () -> call -> {
            if (call.functionName().equals("STFC_CHANGING")) {
                throw new SystemFailureException("No routing rule matches sender YI3000");
            }
            return cloud;
        }, () -> cloud, "Connection_to_Cloud", false, new ListenerCounters(), ProtocolLimits.DEFAULT,
                TableCompression.NONE, ended::add);
        Function ok = SampleFunctions.STFC_CONNECTION.newFunction();
        ok.imports().setValue("REQUTEXT", "secret-looking value");
        byte[] okChain = chain(ok);
        byte[] okReply = handler.handle(okChain, (b, o, l) -> { });
        byte[] reply = handler.handle(chain(SampleFunctions.STFC_CHANGING.newFunction()), (b, o, l) -> { });
        String refused = assertThrows(SystemFailureException.class, () -> serializer.decoder().decodeResponse(reply,
                0, reply.length, SampleFunctions.STFC_CHANGING.newFunction(), "the bridge")).getMessage();

        assertEquals(2, ended.size(), ended.toString());
        CallSummary first = ended.get(0);
        assertTrue(first.id().matches("[0-9a-f]{12}"), first.id());
        assertEquals(List.of("CLOUD_SYSTEM_VIA_BC", "YI3000", "MYDESTINATION_000", "DEVELOPER", "STFC_CONNECTION", "-",
                "Connection_to_Cloud", "OK", ""), List.of(first.listener(), first.sender(), first.receiver(),
                first.user(), first.function(), first.rule(), first.destination(), first.result(), first.errorText()));
        assertEquals(okChain.length, first.bytesIn());
        assertEquals(okReply.length, first.bytesOut());
        assertTrue(first.totalNanos() >= first.cloudNanos() && first.cloudNanos() > 0, first.toString());
        assertFalse(first.toString().contains("secret-looking value"), "no parameter value is passed on");
        assertEquals("", first.values());
        Matcher id = CALL_ID.matcher(refused);
        assertTrue(id.find(), refused);
        CallSummary second = ended.get(1);
        assertEquals(List.of(id.group(1), "STFC_CHANGING", "SYSTEM_FAILURE", "No routing rule matches sender YI3000"),
                List.of(second.id(), second.function(), second.result(), second.errorText()));
    }

    @Test
    void theValuesOnlyWhereTheListenerAsksForThem() throws Exception {
        List<CallSummary> ended = new ArrayList<>();
        BridgeCallHandler handler = new BridgeCallHandler("CLOUD_SYSTEM_VIA_BC", () -> call -> cloud, () -> cloud,
                "Connection_to_Cloud", false, new ListenerCounters(), ProtocolLimits.DEFAULT, TableCompression.NONE,
                ended::add);
        handler.logParameterValues(true);
        Function call = SampleFunctions.STFC_CONNECTION.newFunction();
        call.imports().setValue("REQUTEXT", "logged on purpose");
        handler.handle(chain(call), (b, o, l) -> { });
        assertEquals("{\"REQUTEXT\":\"logged on purpose\"}", ended.get(0).values());
    }
}
