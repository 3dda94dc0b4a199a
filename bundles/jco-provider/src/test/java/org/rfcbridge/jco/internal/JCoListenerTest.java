package org.rfcbridge.jco.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import com.sap.conn.jco.JCoAttributes;
import com.sap.conn.jco.JCoDestination;
import com.sap.conn.jco.server.JCoServer;
import com.sap.conn.jco.server.JCoServerCallHandlerFactory;
import com.sap.conn.jco.server.JCoServerContext;
import com.sap.conn.jco.server.JCoServerState;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.rfcbridge.api.AbapException;
import org.rfcbridge.api.CallContext;
import org.rfcbridge.api.CallSummary;
import org.rfcbridge.api.CallRouter;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.FunctionRepository;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;

class JCoListenerTest {
    private final AtomicReference<CallContext> routed = new AtomicReference<>();
    private final List<String> events = new ArrayList<>();

    /** The routed cloud destination: answers Z_FLIGHTS, or fails as told. */
    private final class Cloud implements RfcDestination {
        RfcException failure;

        @Override
        public String name() {
            return "Connection_to_Cloud";
        }

        @Override
        public void execute(Function function) throws RfcException {
            if (failure != null) {
                throw failure;
            }
            function.exports().setValue("COUNT", function.imports().getInt("MAX_ROWS") + 1);
            function.tables().getTable("FLIGHTS").appendRow();
            function.tables().getTable("FLIGHTS").setValue("CARRID", function.imports().getString("AIRLINE"));
        }

        @Override
        public Duration ping() {
            return Duration.ZERO;
        }

        @Override
        public FunctionRepository repository() {
            throw new UnsupportedOperationException();
        }
    }

    private final Cloud cloud = new Cloud();
    private final CallRouter router = call -> {
        routed.set(call);
        return cloud;
    };

    private static JCoServerContext caller() {
        Map<String, java.util.function.Function<Object[], Object>> attributes = FakeJCo.answers();
        attributes.put("getSystemID", a -> "YI3");
        attributes.put("getClient", a -> "000");
        attributes.put("getUser", a -> "DEVELOPER");
        attributes.put("getLanguage", a -> "E");
        attributes.put("getDestination", a -> "");
        JCoAttributes jcoAttributes = FakeJCo.of(JCoAttributes.class, attributes);
        return FakeJCo.of(JCoServerContext.class, Map.of("getConnectionAttributes", a -> jcoAttributes));
    }

    @Test
    void aCallIsRoutedByItsSenderAndAnsweredThroughJCo() throws Exception {
        List<CallSummary> ended = new ArrayList<>();
        JCoCallHandler handler = new JCoCallHandler("CLOUD_SYSTEM_VIA_BC", () -> router, ended::add);
        FakeJCo.Function call = (FakeJCo.Function) JCoConversionTest.flights().getFunction();
        call.imports.setValue("AIRLINE", "LH");
        call.imports.setValue("MAX_ROWS", 41);
        assertTrue(handler.getCallHandler(caller(), "Z_FLIGHTS") == handler);
        handler.handleRequest(caller(), call);
        assertEquals(new CallContext("YI3", "000", "CLOUD_SYSTEM_VIA_BC", "Z_FLIGHTS", "DEVELOPER", "E"), routed.get(),
                "routed by sender system and client, receiver (the Program ID here) and function");
        assertEquals(42, call.exports.getInt("COUNT"));
        FakeJCo.Table flights = (FakeJCo.Table) call.tables.getTable("FLIGHTS");
        flights.setRow(0);
        assertEquals("LH", flights.getString("CARRID").trim());
        assertEquals(1, handler.statistics().calls());
        assertEquals(0, handler.statistics().errors());
        CallSummary logged = ended.get(0);
        assertEquals(List.of("CLOUD_SYSTEM_VIA_BC", "YI3000", "CLOUD_SYSTEM_VIA_BC", "DEVELOPER", "Z_FLIGHTS", "OK"),
                List.of(logged.listener(), logged.sender(), logged.receiver(), logged.user(), logged.function(),
                        logged.result()), "the call log and the metrics learn of a JCo listener's call too");
    }

    @Test
    void errorsReachTheAbapCallerAsJCoRaisesThem() {
        List<CallSummary> ended = new ArrayList<>();
        JCoCallHandler handler = new JCoCallHandler("CLOUD_SYSTEM_VIA_BC", () -> router, ended::add);
        FakeJCo.Function call = (FakeJCo.Function) JCoConversionTest.flights().getFunction();
        cloud.failure = new AbapException("NOT_FOUND", "No flights found");
        com.sap.conn.jco.AbapException abap = assertThrows(com.sap.conn.jco.AbapException.class,
                () -> handler.handleRequest(caller(), call));
        assertEquals("NOT_FOUND", abap.getKey());
        cloud.failure = new CommunicationFailureException("Destination Connection_to_Cloud: connection refused");
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> handler.handleRequest(caller(), call));
        assertEquals("RFC Bridge call " + ended.get(1).id() + ": COMMUNICATION_FAILURE: Destination Connection_to_Cloud: "
                + "connection refused", failure.getMessage(), "JCo returns this text to the caller as SYSTEM_FAILURE, "
                + "with the call id of the call log");
        assertEquals(List.of("ABAP_EXCEPTION", "COMMUNICATION_FAILURE"), ended.stream().map(CallSummary::result)
                .toList());
        IllegalStateException noRouting = assertThrows(IllegalStateException.class,
                () -> new JCoCallHandler("P", () -> null, c -> { }).handleRequest(caller(), call));
        assertTrue(noRouting.getMessage().contains("routing is not running"), noRouting.getMessage());
        assertEquals(2, handler.statistics().errors());
        assertEquals(0, handler.statistics().busy(), "no call is left counted as busy");
    }

    @Test
    void jcoServerStatesAreListenerStates() {
        assertEquals(ConnectionState.STARTING, JCoServerStates.of(JCoServerState.STARTED));
        assertEquals(ConnectionState.ALIVE, JCoServerStates.of(JCoServerState.ALIVE));
        assertEquals(ConnectionState.DEAD, JCoServerStates.of(JCoServerState.DEAD));
        assertEquals(ConnectionState.STOPPED, JCoServerStates.of(JCoServerState.STOPPING));
        assertEquals(ConnectionState.STOPPED, JCoServerStates.of(JCoServerState.STOPPED));
        assertEquals(ConnectionState.STOPPED, JCoServerStates.of(null));
    }

    private JCoServer server(AtomicReference<JCoServerState> state) {
        Map<String, java.util.function.Function<Object[], Object>> answers = FakeJCo.answers();
        answers.put("setCallHandlerFactory", a -> {
            events.add("handler " + (a[0] instanceof JCoServerCallHandlerFactory));
            return null;
        });
        answers.put("addServerStateChangedListener", a -> null);
        answers.put("addServerErrorListener", a -> null);
        answers.put("addServerExceptionListener", a -> null);
        answers.put("start", a -> events.add("start") ? null : null);
        answers.put("stop", a -> events.add("stop") ? null : null);
        answers.put("release", a -> events.add("release") ? null : null);
        answers.put("getState", a -> state.get());
        return FakeJCo.of(JCoServer.class, answers);
    }

    private static ConfigurationAdmin configurations() {
        Hashtable<String, Object> server = new Hashtable<>();
        server.put("name", "Connection_to_OP");
        server.put("application.server", "onprem.example.com");
        server.put("system.number", "01");
        Configuration configuration = FakeJCo.of(Configuration.class, Map.of("getProperties", a -> server));
        return FakeJCo.of(ConfigurationAdmin.class, Map.of("listConfigurations", a ->
                a[0].toString().contains("(name=Connection_to_OP)") ? new Configuration[] {configuration} : null));
    }

    private static JCoListenerConfig config(Map<String, Object> p) {
        Map<String, java.util.function.Function<Object[], Object>> answers = FakeJCo.answers();
        answers.put("name", a -> p.get("name"));
        answers.put("server", a -> p.get("server"));
        answers.put("program_id", a -> p.get("program_id"));
        answers.put("connections", a -> p.get("connections"));
        answers.put("repository", a -> p.get("repository"));
        answers.put("enabled", a -> true);
        return FakeJCo.of(JCoListenerConfig.class, answers);
    }

    private BundleContext bundleContext() {
        Map<String, java.util.function.Function<Object[], Object>> answers = FakeJCo.answers();
        answers.put("registerService", a -> {
            events.add("registered " + String.join(",", (String[]) a[0]));
            return FakeJCo.of(ServiceRegistration.class, Map.of("unregister", b -> events.add("unregistered")
                    ? null : null));
        });
        return FakeJCo.of(BundleContext.class, answers);
    }

    @Test
    void aJCoListenerRegistersItsProgramAtTheServersGateway() {
        AtomicReference<JCoServerState> state = new AtomicReference<>(JCoServerState.STARTED);
        JCoData data = new JCoData();
        JCoServices jco = new JCoServices(data, new JCoServices.Access() {
            @Override
            public JCoDestination destination(String name) {
                throw new UnsupportedOperationException();
            }

            @Override
            public JCoServer server(String name) {
                events.add("server " + name + " " + data.getServerProperties(name).getProperty("jco.server.progid"));
                return JCoListenerTest.this.server(state);
            }
        });
        Map<String, Object> p = new HashMap<>();
        p.put("name", "CLOUD_SYSTEM_VIA_BC");
        p.put("server", "Connection_to_OP");
        p.put("program_id", "CLOUD_SYSTEM_VIA_BC");
        p.put("connections", 5);
        p.put("repository", "Connection_to_Cloud");
        p.put("provider", "JCO ");                              // trimmed, any case
        JCoListenerComponent listener = new JCoListenerComponent(jco, configurations(), config(p), p, bundleContext());

        Properties server = data.getServerProperties("CLOUD_SYSTEM_VIA_BC");
        assertEquals("onprem.example.com", server.getProperty("jco.server.gwhost"));
        assertEquals("sapgw01", server.getProperty("jco.server.gwserv"));
        assertEquals("CLOUD_SYSTEM_VIA_BC", server.getProperty("jco.server.progid"));
        assertEquals("5", server.getProperty("jco.server.connection_count"));
        assertEquals("Connection_to_Cloud", server.getProperty("jco.server.repository_destination"));
        assertEquals(List.of("server CLOUD_SYSTEM_VIA_BC CLOUD_SYSTEM_VIA_BC", "handler true", "start",
                "registered " + org.rfcbridge.api.RfcListener.class.getName()), events);
        assertEquals("onprem.example.com:sapgw01", listener.gateway());
        assertEquals(ConnectionState.STARTING, listener.state());
        state.set(JCoServerState.ALIVE);
        listener.serverStateChangeOccurred(null, JCoServerState.STARTED, JCoServerState.ALIVE);
        assertEquals(ConnectionState.ALIVE, listener.state());
        assertEquals(5, listener.connections().size());
        listener.serverExceptionOccurred(null, "3", null, new RuntimeException("partner not reached"));
        assertEquals("connection 3: partner not reached", listener.lastError());

        events.clear();
        listener.deactivate();
        assertEquals(List.of("unregistered", "stop", "release"), events);
        assertEquals(null, data.getServerProperties("CLOUD_SYSTEM_VIA_BC"),
                "the server's data is deleted before it is stopped (JCo fails a deletion after the stop)");
    }

    @Test
    void aListenerOfAnUnknownCpicServerSaysWhichOne() {
        JCoServices jco = new JCoServices(new JCoData(), null);
        Map<String, Object> p = new HashMap<>();
        p.put("name", "L");
        p.put("server", "No_Such_Server");
        p.put("program_id", "P");
        p.put("connections", 1);
        p.put("repository", "R");
        p.put("provider", "jco");
        JCoListenerComponent listener = new JCoListenerComponent(jco, configurations(), config(p), p, bundleContext());
        assertEquals(ConnectionState.DEAD, listener.state());
        assertTrue(listener.lastError().contains("CPIC server No_Such_Server is not configured"), listener.lastError());
    }
}
