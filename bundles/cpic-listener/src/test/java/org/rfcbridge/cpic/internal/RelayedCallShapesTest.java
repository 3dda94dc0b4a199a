package org.rfcbridge.cpic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.CallContext;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.classic.ClassicSerializer;
import org.rfcbridge.protocol.classic.LogonRequest;
import org.rfcbridge.protocol.classic.LogonResponse;
import org.rfcbridge.protocol.classic.TableCompression;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.item.ItemReader;
import org.rfcbridge.simulators.samples.SampleDestination;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * What the listener's call handler reads from a relayed call, in both shapes a registered server meets:
 * the shape SAP's gateway relays from an ABAP caller ({@code protocol-cpic-2026.md} §1.4: no eyecatcher,
 * anchored on 0x0002, no password, a 0x5001 block, perhaps an assertion ticket in 0x0670), and the
 * eyecatcher-led initial logon an external RFC client sends. Both are answered, and both route by the
 * sender's system ID and client.
 */
class RelayedCallShapesTest {
    private static final String TICKET = "AjQxMDMBABhEAEUAVgBFAEwATwBQAEUAUgAgACAAIAAgAAIAAzAwMA==";
    private final ClassicSerializer serializer = new ClassicSerializer(ProtocolLimits.DEFAULT);
    private final List<CallContext> routed = new ArrayList<>();
    private final SampleDestination cloud = new SampleDestination("Connection_to_Cloud", "CLD");
    private final BridgeCallHandler handler = new BridgeCallHandler("CLOUD_SYSTEM_VIA_BC", () -> call -> {
        routed.add(call);
        return cloud;
    }, () -> cloud, "Connection_to_Cloud", true, new ListenerCounters(), ProtocolLimits.DEFAULT, TableCompression.NONE, call -> { });

    private static LogonRequest yi3() {
        return new LogonRequest("000", "DEVELOPER", null, "E", new byte[16], "10.1.2.3", "YI3", "yi3host",
                "MYDESTINATION_000", "SAPLSRFC", "RFCPING", "YI3");
    }

    private Function stfcConnection(String text) {
        Function call = SampleFunctions.STFC_CONNECTION.newFunction();
        call.imports().setValue("REQUTEXT", text);
        return call;
    }

    @Test
    void theRelayedShapeIsAnsweredAndRoutedBySender() throws Exception {
        Function call = stfcConnection("relayed");
        byte[] chain = yi3().encodeRelayed(serializer.encoder().encodeRequest(call), TICKET);
        assertEquals(ItemIds.LOGON_CHAIN_START, ((chain[0] & 0xff) << 8) | (chain[1] & 0xff), "anchored on 0x0002");
        assertFalse(contains(chain, ItemIds.PASSWORD), "no password");
        assertTrue(contains(chain, ItemIds.FAST_SERIALIZATION), "a 5001 block before the call");
        assertTrue(contains(chain, ItemIds.LOGON_TICKET), "the assertion ticket");

        byte[] reply = handler.handle(chain, (b, o, l) -> { });
        Function answered = SampleFunctions.STFC_CONNECTION.newFunction();
        serializer.decoder().decodeResponse(reply, 0, reply.length, answered, "the bridge");
        assertEquals("relayed", answered.exports().getString("ECHOTEXT"));
        assertEquals(1, routed.size());
        CallContext context = routed.get(0);
        assertEquals("YI3", context.senderSystemId());
        assertEquals("000", context.senderClient());
        assertEquals("MYDESTINATION_000", context.receiver());
        assertEquals("DEVELOPER", context.user());
    }

    @Test
    void theInitialLogonShapeOfAnExternalClientIsAnsweredToo() throws Exception {
        byte[] chain = yi3().encodeWithCall(7, serializer.encoder().encodeRequest(stfcConnection("eyecatcher")));
        byte[] reply = handler.handle(chain, (b, o, l) -> { });
        Function answered = SampleFunctions.STFC_CONNECTION.newFunction();
        serializer.decoder().decodeResponse(reply, 0, reply.length, answered, "the bridge");
        assertEquals("eyecatcher", answered.exports().getString("ECHOTEXT"));
        assertEquals("YI3", routed.get(0).senderSystemId());
    }

    @Test
    void sm59sConnectionTestInTheRelayedShapeIsAccepted() throws Exception {
        byte[] ping = serializer.encoder().encodeRequest(SampleFunctions.RFC_PING.newFunction());
        byte[] reply = handler.handle(yi3().encodeRelayed(ping, null), (b, o, l) -> { });
        assertNotNull(LogonResponse.decode(reply, 0, reply.length, ProtocolLimits.DEFAULT, "the bridge"),
                "an accepted logon (a refusal throws)");
        assertEquals("YI3", routed.get(0).senderSystemId(), "forwarded connection tests are routed by sender");
    }

    @Test
    void theTicketIsNeverEchoedInAnError() throws Exception {
        byte[] chain = yi3().encodeRelayed(serializer.encoder().encodeRequest(
                SampleFunctions.Z_RFCBRIDGE_RAISE.newFunction()), TICKET);
        cloud.failWith(new org.rfcbridge.api.SystemFailureException("refused"));
        byte[] reply = handler.handle(chain, (b, o, l) -> { });
        assertFalse(new String(reply, StandardCharsets.UTF_16LE).contains(TICKET));
        assertFalse(new String(reply, StandardCharsets.ISO_8859_1).contains(TICKET));
    }

    /** A caller's compressed table that is corrupt gets SYSTEM_FAILURE naming the table; the next call goes through. */
    @Test
    void aCorruptCompressedTableIsASystemFailureAndTheNextCallWorks() throws Exception {
        Function structure = SampleFunctions.STFC_STRUCTURE.newFunction();
        org.rfcbridge.api.data.Table rows = structure.tables().getTable("RFCTABLE");
        for (int i = 0; i < 500; i++) {
            rows.appendRow();
            rows.setValue("RFCINT4", i);
        }
        byte[] call = new ClassicSerializer(ProtocolLimits.DEFAULT, TableCompression.LZH).encoder().encodeRequest(structure);
        ItemReader reader = new ItemReader(call);
        while (reader.next() && reader.id() != ItemIds.TABLE_LZ_CHUNK) {
            // to the first fragment
        }
        call[reader.valueOffset() + 30] ^= 0x55;                    // inside SAP's stream, after its header
        call[reader.valueOffset() + 31] ^= 0x3c;
        byte[] reply = handler.handle(yi3().encodeRelayed(call, null), (b, o, l) -> { });
        org.rfcbridge.api.SystemFailureException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.rfcbridge.api.SystemFailureException.class, () -> serializer.decoder().decodeResponse(reply, 0,
                        reply.length, SampleFunctions.STFC_STRUCTURE.newFunction(), "the bridge"));
        assertTrue(e.getMessage().contains("compressed table RFCTABLE"), e.getMessage());

        routed.clear();                                            // routing came first, before the decoding failed
        theRelayedShapeIsAnsweredAndRoutedBySender();
    }

    private static boolean contains(byte[] chain, int id) throws Exception {
        ItemReader reader = new ItemReader(chain);
        while (reader.next()) {
            if (reader.id() == id) {
                return true;
            }
        }
        return false;
    }
}
