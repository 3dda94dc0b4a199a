package org.rfcbridge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.Structure;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.protocol.ProtocolLimits;
import org.rfcbridge.protocol.ddic.FieldInfoRows;
import org.rfcbridge.protocol.ddic.FunctionInterfaceRows;
import org.rfcbridge.simulators.onprem.SimulatedAbapSystem;
import org.rfcbridge.simulators.samples.SampleFunctions;

/**
 * Real SAP wire on both legs through the assembly: the simulated systems compress every table from 8,193
 * bytes with LZH as SAP's do, and the simulated on-prem system sends its calls in the shape SAP's gateway
 * relays (logon context anchored on 0x0002, no eyecatcher, no password, a 0x5001 block, an assertion
 * ticket where the destination sends one). Large tables in both directions, the DDIC look-ups of a
 * 44-parameter function and a 20-field structure (compressed PARAMS and DFIES_TAB), metadata read through
 * the bridge, and routing by the sender of a relayed call.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CompressedTablesEndToEndIT extends RfcBridgeTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DESTINATION = "MYDESTINATION_000";

    private SimulatedAbapSystem onPrem;

    @Configuration
    public Option[] configuration() {
        return baseConfiguration();
    }

    @Before
    public void onPremSystem() throws Exception {
        onPrem = system("YI3", null);
        eventually(WAIT, "a call reaches the cloud", () -> succeeds(() -> {
            onPrem.call(DESTINATION, SampleFunctions.RFC_PING.newFunction());
            return null;
        }));
    }

    /** A calling system whose SM59 destination sends an assertion ticket, or none. */
    private static SimulatedAbapSystem system(String systemId, String assertionTicket) {
        SimulatedAbapSystem system = new SimulatedAbapSystem(new SimulatedAbapSystem.Identity(systemId, "000",
                "DEVELOPER", "E"), Duration.ofSeconds(60), ProtocolLimits.DEFAULT);
        system.addDestination(new SimulatedAbapSystem.TypeTDestination(DESTINATION, "127.0.0.1", GATEWAY_PORT,
                "CLOUD_SYSTEM_VIA_BC", assertionTicket));
        return system;
    }

    @Test
    public void aHundredThousandRowTableCompressedByTheCloudReachesTheCaller() throws Exception {
        Function read = SampleFunctions.Z_RFCBRIDGE_READ_ROWS.newFunction();
        read.imports().setValue("ROW_COUNT", 100_000);
        read.imports().setValue("ROW_WIDTH", 512);
        onPrem.call(DESTINATION, read);
        GeneratedRows.check(read.tables().getTable("DATA"), 100_000, 997);
    }

    @Test
    public void aTwentyThousandRowCompressedTableFromTheCallerReachesTheCloud() throws Exception {
        Function structure = SampleFunctions.STFC_STRUCTURE.newFunction();
        Table rows = structure.tables().getTable("RFCTABLE");
        for (int i = 0; i < 20_000; i++) {
            rows.appendRow();
            rows.setValue("RFCINT4", i);
            rows.setValue("RFCDATA1", "row " + i);
            rows.setValue("RFCDATE", LocalDate.of(2026, 1, 1).plusDays(i % 365));
        }
        structure.imports().getStructure("IMPORTSTRUCT").setValue("RFCCHAR4", "LAST");
        onPrem.call(DESTINATION, structure);
        Table back = structure.tables().getTable("RFCTABLE");
        assertEquals("the cloud received 20,000 rows and appended one", 20_001, back.getNumRows());
        for (int i = 0; i < 20_000; i += 1999) {
            back.setRow(i);
            assertEquals(i, back.getInt("RFCINT4"));
            assertEquals("row " + i, back.getString("RFCDATA1"));
            assertEquals(LocalDate.of(2026, 1, 1).plusDays(i % 365), back.getDate("RFCDATE"));
        }
        back.setRow(20_000);
        assertEquals("LAST", back.getString("RFCCHAR4"));
        assertTrue(structure.exports().getString("RESPTEXT"), structure.exports().getString("RESPTEXT")
                .endsWith("20001 rows"));
    }

    /** The bridge reads Z_RFCBRIDGE_WIDE's interface from the cloud: 44 PARAMS rows and 20 DFIES rows, both compressed. */
    @Test
    public void aFunctionWith44ParametersAndA20FieldStructureIsCalled() throws Exception {
        Function wide = SampleFunctions.Z_RFCBRIDGE_WIDE.newFunction();
        for (int i = 1; i <= 21; i++) {
            wide.imports().setValue(String.format("I_%02d", i), "V" + i);
        }
        Structure in = wide.imports().getStructure("IN_STRUCT");
        in.setValue("F01", "FIRST");
        in.setValue("F04", 4);
        in.setValue("F18", LocalDate.of(2026, 12, 6));
        in.setValue("F20", -20);
        onPrem.call(DESTINATION, wide);
        assertEquals("V1", wide.exports().getString("E_01"));
        assertEquals("V21", wide.exports().getString("E_21"));
        Structure out = wide.exports().getStructure("OUT_STRUCT");
        assertEquals("FIRST", out.getString("F01"));
        assertEquals(4, out.getInt("F04"));
        assertEquals(LocalDate.of(2026, 12, 6), out.getDate("F18"));
        assertEquals(-20, out.getInt("F20"));
    }

    @Test
    public void aCallerReadsMetadataThroughTheBridge() throws Exception {
        Function gfi = FunctionInterfaceRows.RFC_GET_FUNCTION_INTERFACE.newFunction();
        gfi.imports().setValue("FUNCNAME", "Z_RFCBRIDGE_WIDE");
        onPrem.call(DESTINATION, gfi);
        Table params = gfi.tables().getTable("PARAMS");
        assertEquals(44, params.getNumRows());
        params.setRow(43);
        assertEquals("IN_STRUCT", params.getString("PARAMETER"));
        assertEquals("ZRFCB_WIDE20", params.getString("TABNAME"));

        Function fields = FieldInfoRows.DDIF_FIELDINFO_GET.newFunction();
        fields.imports().setValue("TABNAME", "ZRFCB_WIDE20");
        onPrem.call(DESTINATION, fields);
        Table dfies = fields.tables().getTable("DFIES_TAB");
        assertEquals(20, dfies.getNumRows());
        dfies.setRow(19);
        assertEquals("F20", dfies.getString("FIELDNAME"));
    }

    @Test
    public void relayedCallsRouteBySenderWithOrWithoutAnAssertionTicket() throws Exception {
        Function ticket = SampleFunctions.STFC_CONNECTION.newFunction();
        ticket.imports().setValue("REQUTEXT", "with a ticket");
        system("YI3", "AjQxMDMBABhEAEUAVgBFAEwATwBQAEUAUgAgACAAIAAgAAIAAzAwMAMACFlJMyAgICAg")
                .call(DESTINATION, ticket);
        assertEquals("with a ticket", ticket.exports().getString("ECHOTEXT"));

        SimulatedAbapSystem other = system("QAS", null);
        try {
            other.call(DESTINATION, SampleFunctions.STFC_CONNECTION.newFunction());
            fail("no rule routes sender QAS000");
        } catch (SystemFailureException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("No routing rule matches sender QAS000, receiver "
                    + DESTINATION));
        }
    }
}
