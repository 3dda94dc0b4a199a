package org.rfcbridge.cpic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.FunctionRepository;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.classic.LogonRequest;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.simulators.samples.SampleDestination;

/**
 * Routing is the first gate: a caller that no rule lets through cannot tell which function modules the
 * cloud has, and costs the cloud no metadata call; a function the repository does not know is remembered
 * for a while instead of being asked for at every probe.
 */
class RoutingFirstTest {
    private final ClassicSerializer serializer = new ClassicSerializer(ProtocolLimits.DEFAULT);
    private final SampleDestination cloud = new SampleDestination("Connection_to_Cloud", "CLD");
    private final AtomicInteger lookups = new AtomicInteger();
    private final FunctionRepository counting = new FunctionRepository() {
        @Override
        public String name() {
            return "Connection_to_Cloud";
        }

        @Override
        public Optional<FunctionMetadata> getFunctionMetadata(String functionName) throws org.rfcbridge.api.RfcException {
            lookups.incrementAndGet();
            return cloud.getFunctionMetadata(functionName);
        }

        @Override
        public void invalidate(String functionName) {
        }

        @Override
        public void invalidateAll() {
        }
    };

    private byte[] call(BridgeCallHandler handler, String function) throws Exception {
        Function f = FunctionMetadata.builder(function).build().newFunction();
        byte[] chain = new LogonRequest("000", "PROBE", null, "E", new byte[16], "10.0.0.9", "XYZ", "xyz", "ANY_DEST",
                "SAPLSRFC", "RFCPING", "XYZ").encodeRelayed(serializer.encoder().encodeRequest(f), null);
        return handler.handle(chain, (b, o, l) -> { });
    }

    private SystemFailureException failure(byte[] reply, String function) {
        return assertThrows(SystemFailureException.class, () -> serializer.decoder().decodeResponse(reply, 0,
                reply.length, FunctionMetadata.builder(function).build().newFunction(), "the bridge"));
    }

    @Test
    void aCallerWithoutARuleLearnsNothingOfTheRepository() throws Exception {
        BridgeCallHandler handler = new BridgeCallHandler("CLOUD_SYSTEM_VIA_BC", () -> call -> {
            throw new SystemFailureException("No routing rule matches sender " + call.senderSystemId()
                    + call.senderClient() + ", receiver " + call.receiver() + " and function " + call.functionName());
        }, () -> counting, "Connection_to_Cloud", false, new ListenerCounters(), ProtocolLimits.DEFAULT,
                TableCompression.NONE, call -> { });
        for (String function : new String[] {"STFC_CONNECTION", "Z_DOES_NOT_EXIST"}) {
            SystemFailureException e = failure(call(handler, function), function);
            assertTrue(e.getMessage().matches("RFC Bridge call [0-9a-f]{12}: No routing rule matches sender XYZ000.*"),
                    e.getMessage());
        }
        assertEquals(0, lookups.get(), "no metadata was read for a call no rule lets through");
    }

    @Test
    void aFunctionTheRepositoryDoesNotKnowIsRememberedForAWhile() throws Exception {
        BridgeCallHandler handler = new BridgeCallHandler("CLOUD_SYSTEM_VIA_BC", () -> call -> cloud,
                () -> counting, "Connection_to_Cloud", false, new ListenerCounters(), ProtocolLimits.DEFAULT,
                TableCompression.NONE, call -> { });
        for (int i = 0; i < 5; i++) {
            SystemFailureException e = failure(call(handler, "Z_DOES_NOT_EXIST"), "Z_DOES_NOT_EXIST");
            assertTrue(e.getMessage().contains("not found in repository server Connection_to_Cloud"), e.getMessage());
        }
        assertEquals(1, lookups.get(), "asked once within " + BridgeCallHandler.NOT_FOUND_CACHE.toSeconds() + " s");
        handler.invalidate();
        failure(call(handler, "Z_DOES_NOT_EXIST"), "Z_DOES_NOT_EXIST");
        assertEquals(2, lookups.get(), "asked again once the repository changed");
    }

    @Test
    void aFloodOfLogLinesIsCutAndTheNextLineSaysHowManyWereLeftOut() throws Exception {
        LogRateLimit limit = new LogRateLimit(3, Duration.ofMillis(300));
        assertEquals(0, limit.permit());
        assertEquals(0, limit.permit());
        assertEquals(0, limit.permit());
        assertEquals(-1, limit.permit());
        assertEquals(-1, limit.permit());
        Thread.sleep(350);
        assertEquals(2, limit.permit());
        assertEquals(" (2 similar lines left out)", LogRateLimit.leftOut(2));
        assertEquals("", LogRateLimit.leftOut(0));
    }
}
