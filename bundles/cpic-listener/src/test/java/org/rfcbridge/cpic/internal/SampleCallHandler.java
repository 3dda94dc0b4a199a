package org.rfcbridge.cpic.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.classic.ErrorEnvelope;
import org.rfcbridge.protocol.classic.LogonRequest;
import org.rfcbridge.protocol.classic.LogonResponse;
import org.rfcbridge.protocol.classic.ResponseOptions;
import org.rfcbridge.protocol.classic.StreamedResponse;
import org.rfcbridge.simulators.samples.SampleFunctions;
import org.rfcbridge.simulators.samples.SampleImplementations;

/** A registered program that runs the sample functions itself, as SAP's rfcexec runs its own. */
final class SampleCallHandler implements CallHandler {
    private final ClassicSerializer serializer = new ClassicSerializer(ProtocolLimits.DEFAULT);
    final AtomicReference<LogonRequest> lastLogon = new AtomicReference<>();
    volatile Duration delay = Duration.ZERO;

    @Override
    public byte[] handle(byte[] chain, StreamedResponse.Parts parts) {
        try {
            lastLogon.set(LogonRequest.decode(chain, 0, chain.length, ProtocolLimits.DEFAULT));
            String name = serializer.decoder().functionName(chain, 0, chain.length);
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            if (name.equals("RFCPING")) {
                return LogonResponse.encodeRegisteredServerAccept("127.0.0.1", "rfcbridge-test", 1.0);
            }
            if (name.equals("Z_RAISE_NOT_FOUND")) {
                throw new org.rfcbridge.api.AbapException("NOT_FOUND", "Nothing found",
                        new org.rfcbridge.api.AbapMessage("SR", "E", "012", "ABC", "", "", "", "Nothing found"));
            }
            FunctionMetadata metadata = SampleFunctions.all().get(name);
            if (metadata == null) {
                throw new SystemFailureException("Function module " + name + " not found", "CALL_FUNCTION_NOT_FOUND", null);
            }
            Function call = serializer.decoder().decodeRequest(chain, 0, chain.length, metadata);
            SampleImplementations.execute(call, "SIM");
            return serializer.encoder().encodeResponse(call, ResponseOptions.registeredServer("SAPLSIM", 10));
        } catch (RfcException e) {
            return ErrorEnvelope.encode(e);
        } catch (RfcProtocolException e) {
            return ErrorEnvelope.encode(new SystemFailureException("malformed request: " + e.problem()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ErrorEnvelope.encode(new SystemFailureException("interrupted"));
        }
    }
}
