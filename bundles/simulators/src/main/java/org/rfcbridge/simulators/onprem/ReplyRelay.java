package org.rfcbridge.simulators.onprem;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

import org.rfcbridge.protocol.appc.AppcRecord;
import org.rfcbridge.protocol.appc.ClientConversationRecords;

/**
 * Passes a reply's records on to the caller as the registration's reader receives them, as a gateway
 * relays a large reply without holding it. The newest record is held back: only F_DEALLOCATE tells
 * that it was the last, which its record must say; the caller's thread sends it with {@link #finish()}.
 * So a reply of one record still wakes the caller once. A caller that went away loses the rest.
 */
final class ReplyRelay {
    private final OutputStream out;
    private final String conversationId;
    private final int connectionIndex;
    private byte[] held;
    private int number;
    private IOException broken;

    ReplyRelay(OutputStream out, String conversationId, int connectionIndex) {
        this.out = out;
        this.conversationId = conversationId;
        this.connectionIndex = connectionIndex;
    }

    synchronized void add(byte[] data) {
        for (int offset = 0; offset < data.length; offset += AppcRecord.MAX_CHUNK) {
            if (held != null) {
                write(held, false);
            }
            held = data.length <= AppcRecord.MAX_CHUNK ? data
                    : Arrays.copyOfRange(data, offset, Math.min(data.length, offset + AppcRecord.MAX_CHUNK));
        }
    }

    /** Sends the held record as the last one. */
    synchronized void finish() throws IOException {
        write(held == null ? new byte[0] : held, true);
        if (broken != null) {
            throw broken;
        }
    }

    private void write(byte[] chunk, boolean last) {
        if (broken != null) {
            return;
        }
        try {
            SimulatedGateway.send(out, ClientConversationRecords.incomingRecord(conversationId, chunk, number++, last, connectionIndex)
                    .encode());
        } catch (IOException e) {
            broken = e;
        }
    }
}
