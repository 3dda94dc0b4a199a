package org.rfcbridge.cpic.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.ArrivingRequest;
import org.rfcbridge.api.CallRouter;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.classic.ErrorEnvelope;
import org.rfcbridge.protocol.classic.LogonRequest;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * A request that turns out malformed in the middle while it passes through (issue 21): the call ends with
 * SYSTEM_FAILURE naming what could not be decoded, the rest of the request is read to its end (the gateway wants
 * the whole of it before a reply), and the destination's session is let go (it saw the request fail).
 */
class MalformedArrivingRequestTest {
    private final AtomicBoolean destinationSawTheFailure = new AtomicBoolean();
    private final SampleCloud streaming = new SampleCloud() {
        @Override
        public boolean streamsRequests() {
            return true;
        }

        @Override
        public void execute(Function function, ArrivingRequest rest) {
            try {
                while (rest.arrive()) {
                    // rows pass
                }
            } catch (IOException e) {
                destinationSawTheFailure.set(true);
                throw new UncheckedIOException(e);
            }
        }
    };

    private final ClassicSerializer serializer = new ClassicSerializer(ProtocolLimits.DEFAULT, TableCompression.NONE);

    /** A relayed STFC_STRUCTURE call of 20,000 rows (5.3 MB) as the gateway passes it on. */
    private byte[] largeRequest() {
        Function call = SampleFunctions.STFC_STRUCTURE.newFunction();
        call.tables().getTable("RFCTABLE").appendRows(20_000);
        LogonRequest context = new LogonRequest("000", "DEVELOPER", null, "E", new byte[0], "", "", "",
                "MYDESTINATION_000", "", "", "YI3");
        return context.encodeRelayed(serializer.encoder().encodeRequest(call), null);
    }

    private static final int HEAD = 1_200_000;

    /** The request after its head, in gateway records of 28,000 bytes; {@code at} says how far it was read. */
    private static CallHandler.RequestRest records(byte[] whole, AtomicInteger at) {
        at.set(HEAD);
        return () -> {
            if (at.get() >= whole.length) {
                return null;
            }
            int from = at.getAndAdd(28_000);
            return Arrays.copyOfRange(whole, from, Math.min(whole.length, from + 28_000));
        };
    }

    private BridgeCallHandler handler(CallRouter router) {
        return new BridgeCallHandler("CLOUD_SYSTEM_VIA_BC", () -> router, streaming::repository,
                "Connection_to_Cloud", false, new ListenerCounters(), ProtocolLimits.DEFAULT, TableCompression.NONE,
                c -> { });
    }

    @Test
    void aMalformedRowInTheMiddleEndsTheCallWithSystemFailureAndTheRestIsRead() throws Exception {
        byte[] whole = largeRequest();
        // a row item (0304, 264 bytes) past the middle, its closing id broken: "item 0304 is closed by ..."
        int row = whole.length / 2;
        while (!(whole[row] == 0x03 && whole[row + 1] == 0x04 && whole[row + 2] == 0x01 && whole[row + 3] == 0x08)) {
            row++;
        }
        whole[row + 4 + 264] = 0x7f;

        CallHandler.ArrivingCall arriving = handler(c -> streaming).arriving(Arrays.copyOf(whole, HEAD));
        assertNotNull(arriving, "a request for a destination that takes it so passes through");
        AtomicInteger at = new AtomicInteger();
        byte[] reply = answered(arriving, records(whole, at));

        assertTrue(destinationSawTheFailure.get(), "the destination learnt that its request failed");
        assertTrue(at.get() >= whole.length, "the rest was read to its end");
        RfcException error = ErrorEnvelope.errorIn(reply, 0, reply.length, ProtocolLimits.DEFAULT, "bridge");
        assertTrue(error instanceof SystemFailureException, String.valueOf(error));
        assertTrue(error.getMessage().contains("RFC Bridge cannot decode the call of STFC_STRUCTURE"),
                error.getMessage());
    }

    /** A large request no rule routes is refused once, read to its end and not kept to be routed again. */
    @Test
    void aLargeRequestNoRuleRoutesIsReadToItsEndAndRefused() throws Exception {
        byte[] whole = largeRequest();
        CallHandler.ArrivingCall arriving = handler(c -> {
            throw new SystemFailureException("No routing rule matches sender YI3000");
        }).arriving(Arrays.copyOf(whole, HEAD));
        assertNotNull(arriving);
        AtomicInteger at = new AtomicInteger();
        byte[] reply = answered(arriving, records(whole, at));

        assertTrue(at.get() >= whole.length, "the rest was read to its end");
        RfcException error = ErrorEnvelope.errorIn(reply, 0, reply.length, ProtocolLimits.DEFAULT, "bridge");
        assertTrue(error instanceof SystemFailureException, String.valueOf(error));
        assertTrue(error.getMessage().contains("No routing rule matches sender YI3000"), error.getMessage());
    }

    /** The reply the call gives, on this thread (a call whose request arrives is answered where it is read). */
    private static byte[] answered(CallHandler.ArrivingCall arriving, CallHandler.RequestRest rest) throws IOException {
        AtomicReference<byte[]> reply = new AtomicReference<>();
        arriving.handle(rest, (b, offset, length) -> { }, new CallHandler.Answer() {
            @Override
            public void send(byte[] rest) {
                reply.set(rest);
            }

            @Override
            public void abort(IOException why) {
                throw new AssertionError("no part of the reply was sent, so none can be aborted", why);
            }
        });
        return reply.get();
    }
}
