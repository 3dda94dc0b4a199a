package org.rfcbridge.simulators.onprem;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.rfcbridge.protocol.appc.AppcRecord;
import org.rfcbridge.protocol.appc.AppcReturnCode;
import org.rfcbridge.protocol.registration.RegistrationRecords;
import org.rfcbridge.simulators.onprem.SimulatedGateway.GatewayRefusal;

/**
 * The gateway's relay of calls to the registrations of a Program ID: each call's records written to a
 * free registration, its reply gathered or passed on to the caller, the faults injected on the way.
 */
final class CallRelay {
    private final SimulatedGateway gateway;

    CallRelay(SimulatedGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * Relays a call to a registration of the Program ID and waits for its reply: gathered and returned
     * ({@code null} if dropped by fault injection), or, with {@code passOn}, passed on to the caller as it
     * arrives (the last record held back for the caller's thread; {@code null} is returned then).
     */
    byte[] dispatch(String programId, byte[] chain, String function, ReplyRelay passOn)
            throws GatewayRefusal, IOException {
        GatewayRegistration r = gateway.acquire(programId);
        String conversation = Long.toString(gateway.conversations.incrementAndGet());
        PendingReply replies = new PendingReply(passOn, gateway.limits);
        r.exchanges.put(conversation, replies);
        try {
            return exchange(r, programId, conversation, replies, chain, function);
        } finally {
            r.exchanges.remove(conversation);
        }
    }

    private byte[] exchange(GatewayRegistration r, String programId, String conversation, PendingReply replies,
                            byte[] chain, String function) throws GatewayRefusal, IOException {
        byte[] relayed = chain;
        if (gateway.corruptNextFrame.compareAndSet(true, false)) {
            relayed = chain.clone();
            relayed[Math.min(2, relayed.length - 1)] ^= 0x5a;
            relayed[relayed.length - 1] ^= 0x5a;
        }
        List<byte[]> records = new ArrayList<>();
        records.add(RegistrationRecords.callArrives(conversation).encode());
        for (int offset = 0; offset < relayed.length || offset == 0; offset += AppcRecord.MAX_CHUNK) {
            int length = Math.min(AppcRecord.MAX_CHUNK, relayed.length - offset);
            boolean last = offset + length >= relayed.length;
            records.add(RegistrationRecords.relayedCall(conversation, relayed, offset, length, offset == 0, last).encode());
            if (last) {
                break;
            }
        }
        try {
            r.write(records.toArray(new byte[0][]));
        } catch (IOException e) {
            r.close();
            throw new GatewayRefusal(AppcReturnCode.CM_DEALLOCATED_ABEND, 0, "connection to program " + programId
                    + " broke while relaying the call");
        }
        Boolean complete;
        try {
            complete = replies.outcome.poll(gateway.settings.callTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayRefusal(AppcReturnCode.CM_RESOURCE_FAILURE_RETRY, 0, "the gateway is stopping");
        }
        if (complete == null) {
            r.close();
            throw new GatewayRefusal(AppcReturnCode.CM_RESOURCE_FAILURE_RETRY, 0, "program " + programId
                    + " did not answer " + function + " within " + gateway.settings.callTimeout().toMillis() + " ms");
        }
        if (!complete) {
            throw new GatewayRefusal(AppcReturnCode.CM_DEALLOCATED_ABEND, 0, "connection to program " + programId
                    + " closed during " + function);
        }
        if (replies.tooLarge) {
            r.close();
            throw new GatewayRefusal(AppcReturnCode.CM_PRODUCT_SPECIFIC_ERROR, 0, "the reply of program "
                    + programId + " exceeds " + gateway.limits.maxMessageBytes() + " bytes");
        }
        r.calls.incrementAndGet();
        gateway.events.accept("call " + function + " to " + programId + " served by registration " + r.id);
        if (replies.passOn != null) {
            return null;
        }
        if (gateway.dropNextReply.compareAndSet(true, false)) {
            gateway.events.accept("dropped the reply of " + function + " (fault injection)");
            return null;
        }
        Duration delay = gateway.replyDelay;
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return replies.data();
    }

}
