package org.rfcbridge.simulators.onprem;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

import org.rfcbridge.protocol.Bytes;
import org.rfcbridge.protocol.RfcProtocolException;
import org.rfcbridge.protocol.appc.AppcDataMessages;
import org.rfcbridge.protocol.appc.AppcFunction;
import org.rfcbridge.protocol.appc.AppcHeader;
import org.rfcbridge.protocol.appc.AppcMessageAssembler;
import org.rfcbridge.protocol.appc.AppcRecord;
import org.rfcbridge.protocol.appc.AppcReturnCode;
import org.rfcbridge.protocol.appc.ClientConversationRecords;
import org.rfcbridge.protocol.appc.InitializeParameters;
import org.rfcbridge.protocol.gateway.GatewayErrorBlock;
import org.rfcbridge.protocol.gateway.GatewayRecord;
import org.rfcbridge.protocol.ni.NiFrames;
import org.rfcbridge.simulators.onprem.SimulatedGateway.GatewayRefusal;

/** A calling system's connection to the simulated gateway: conversation set-up, its calls relayed, refusals. */
final class GatewayClientConversation {
    private final SimulatedGateway gateway;
    final int id;
    final Socket socket;
    final InputStream in;
    final OutputStream out;
    final String peer;
    final AtomicLong calls = new AtomicLong();
    volatile String programId = "";
    String conversationId = AppcHeader.NO_CONVERSATION;
    int connectionIndex;

    GatewayClientConversation(SimulatedGateway gateway, Socket socket, InputStream in, OutputStream out) {
        this.gateway = gateway;
        this.id = gateway.ids.incrementAndGet();
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.peer = String.valueOf(socket.getRemoteSocketAddress());
    }

    void run(GatewayRecord normalClient) throws IOException {
        gateway.clients.add(this);
        try {
            SimulatedGateway.send(out, normalClient.gatewayReply().encode());
            AppcMessageAssembler assembler = new AppcMessageAssembler(gateway.limits.maxMessageBytes());
            while (true) {
                byte[] payload = NiFrames.read(in, gateway.limits.maxRecordBytes());
                if (payload == null) {
                    return;
                }
                if (NiFrames.isPing(payload)) {
                    SimulatedGateway.send(out, NiFrames.pong());
                    continue;
                }
                if (NiFrames.isPong(payload) || payload.length == 0) {
                    continue;
                }
                AppcRecord record = AppcRecord.decode(payload);
                AppcFunction function = record.header().appcFunction();
                if (function == null) {
                    throw new RfcProtocolException("unknown APPC function " + record.header().function(), 1);
                }
                switch (function) {
                    case F_INITIALIZE_CONVERSATION: {
                        programId = Bytes.trimmed(InitializeParameters.decode(record.parameters(), 0).longTpName());
                        conversationId = Long.toString(gateway.conversations.incrementAndGet());
                        connectionIndex = id & 0xfff;
                        SimulatedGateway.send(out, ClientConversationRecords.initializeReply(record.header(), conversationId,
                                connectionIndex).encode());
                        break;
                    }
                    case F_SET_PARTNER_LU_NAME:
                        break;                                        // no reply (2026 §1.11)
                    case F_ALLOCATE:
                        if (gateway.registered(programId)) {
                            SimulatedGateway.send(out, ClientConversationRecords.allocateReply(record.header()).encode());
                        } else {
                            refuse(record.header(), notRegistered());
                        }
                        break;
                    case F_DEALLOCATE:
                        // the caller may open its next conversation on the same connection
                        programId = "";
                        conversationId = AppcHeader.NO_CONVERSATION;
                        assembler = new AppcMessageAssembler(gateway.limits.maxMessageBytes());
                        break;
                    default:
                        if (AppcDataMessages.isBarrier(record)) {
                            SimulatedGateway.send(out, AppcDataMessages.acknowledgement(record).encode());
                        }
                        if (assembler.add(record)) {
                            relay(record.header(), assembler.message());
                        }
                }
            }
        } finally {
            gateway.clients.remove(this);
        }
    }

    private void relay(AppcHeader request, byte[] chain) throws IOException {
        calls.incrementAndGet();
        String function = gateway.functionName(chain);
        // a reply passes on while it arrives, unless a fault to inject needs it whole
        ReplyRelay passOn = gateway.dropNextReply.get() || !gateway.replyDelay.isZero() ? null
                : new ReplyRelay(out, conversationId, connectionIndex);
        try {
            byte[] reply = gateway.callRelay.dispatch(programId, chain, function, passOn);
            if (passOn != null) {
                passOn.finish();
                return;
            }
            if (reply == null) {
                return;                                              // dropped by fault injection
            }
            for (AppcRecord record : ClientConversationRecords.incomingData(conversationId, reply, connectionIndex)) {
                SimulatedGateway.send(out, record.encode());
            }
        } catch (GatewayRefusal refusal) {
            refuse(request, refusal);
        }
    }

    private GatewayRefusal notRegistered() {
        return new GatewayRefusal(AppcReturnCode.CM_ALLOCATE_FAILURE_RETRY, SimulatedGateway.RC_NOT_REGISTERED,
                "program " + programId + " is not registered");
    }

    private void refuse(AppcHeader request, GatewayRefusal refusal) throws IOException {
        gateway.events.accept("refused a call from " + peer + " to " + programId + ": " + refusal.getMessage()
                + " (rc " + refusal.sapReturnCode + ")");
        AppcHeader header = request.copy().appcReturnCode(refusal.appcReturnCode.code())
                .sapReturnCode(refusal.sapReturnCode).conversationId(conversationId);
        SimulatedGateway.send(out, AppcRecord.withError(header, GatewayErrorBlock.of(refusal.getMessage(), refusal.sapReturnCode,
                "localhost", "sapgw" + (gateway.port % 100 < 10 ? "0" : "") + gateway.port % 100).encode()).encode());
    }
}
