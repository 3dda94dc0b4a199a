package org.rfcbridge.simulators.onprem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.item.ItemReader;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * The simulated ABAP system sends its calls in the shape SAP's gateway relays to a registered server
 * ({@code protocol-cpic-2026.md} §1.4): no RFC0 eyecatcher, the chain anchored on 0x0002, no password,
 * the assertion ticket in 0x0670 right after 0x0002 when the destination sends one, a 0x5001 block in the
 * logon context, then the call.
 */
class RelayedShapeTest {
    private final SimulatedAbapSystem yi3 = new SimulatedAbapSystem(new SimulatedAbapSystem.Identity("YI3", "000",
            "DEVELOPER", "E"), Duration.ofSeconds(5), ProtocolLimits.DEFAULT);

    private List<Integer> ids(String destination, String ticket) throws Exception {
        yi3.addDestination(new SimulatedAbapSystem.TypeTDestination(destination, "127.0.0.1", 3300,
                "CLOUD_SYSTEM_VIA_BC", ticket));
        Function call = SampleFunctions.STFC_CONNECTION.newFunction();
        byte[] chain = yi3.requestChain(destination, call);
        ItemReader reader = new ItemReader(chain);
        List<Integer> ids = new ArrayList<>();
        while (reader.next()) {
            ids.add(reader.id());
        }
        assertFalse(reader.hadEyecatcher(), "no RFC0 eyecatcher");
        return ids;
    }

    @Test
    void aCallIsRelayedAnchoredOn0002WithoutPassword() throws Exception {
        List<Integer> ids = ids("MYDESTINATION_000", null);
        assertEquals(ItemIds.LOGON_CHAIN_START, ids.get(0));
        assertEquals(ItemIds.CLIENT, ids.get(1));
        assertFalse(ids.contains(ItemIds.PASSWORD));
        assertFalse(ids.contains(ItemIds.LOGON_TICKET));
        assertTrue(ids.indexOf(ItemIds.FAST_SERIALIZATION) < ids.indexOf(ItemIds.CALL_START),
                "the 5001 block belongs to the logon context, before the call");
        assertEquals(ItemIds.END, ids.get(ids.size() - 1));
    }

    @Test
    void anAssertionTicketFollows0002() throws Exception {
        List<Integer> ids = ids("WITH_TICKET", "AjQxMDMBABhEAEUAVgBFAEwATwBQAEUAUg==");
        assertEquals(List.of(ItemIds.LOGON_CHAIN_START, ItemIds.LOGON_TICKET, ItemIds.CLIENT), ids.subList(0, 3));
    }
}
