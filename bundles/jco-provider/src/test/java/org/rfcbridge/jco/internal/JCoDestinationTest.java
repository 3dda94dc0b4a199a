package org.rfcbridge.jco.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.net.ssl.SSLContext;

import com.sap.conn.jco.JCoDestination;
import com.sap.conn.jco.JCoException;
import com.sap.conn.jco.JCoRepository;
import com.sap.conn.jco.server.JCoServer;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.rfcbridge.api.AbapException;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.ConnectionState;
import org.rfcbridge.api.LogonFailureException;
import org.rfcbridge.api.ProxyConfiguration;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.TrustService;
import org.rfcbridge.api.data.Function;

class JCoDestinationTest {
    private final List<String> registered = new ArrayList<>();
    private final FakeJCo.Template flights = JCoConversionTest.flights();
    private FakeJCo.Function.Executor cloud = f -> { };

    static Map<String, Object> settings(String provider) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", "Connection_to_Cloud");
        p.put("host", "my1234-api.s4hana.cloud.sap");
        p.put("port", 443);
        p.put("alias_user", "COMM_USER");
        p.put("password", "s3cret-Pass");
        p.put("client", "100");
        p.put("pool_size", 5);
        p.put("ping_period", 5);
        p.put("pong_timeout", 100_000);
        p.put("provider", provider);
        return p;
    }

    /** The configuration as Declarative Services would hand it: the annotation's methods answer from the map. */
    static JCoDestinationConfig config(Map<String, Object> p) {
        Map<String, java.util.function.Function<Object[], Object>> answers = FakeJCo.answers();
        answers.put("name", a -> p.get("name"));
        answers.put("host", a -> p.get("host"));
        answers.put("port", a -> p.get("port"));
        answers.put("logon_type", a -> p.getOrDefault("logon_type", "password"));
        answers.put("user", a -> p.getOrDefault("user", ""));
        answers.put("alias_user", a -> p.getOrDefault("alias_user", ""));
        answers.put("password", a -> p.get("password"));
        answers.put("client", a -> p.get("client"));
        answers.put("language", a -> "EN");
        answers.put("proxy", a -> p.getOrDefault("proxy", false));
        answers.put("ping_period", a -> p.get("ping_period"));
        answers.put("pong_timeout", a -> p.get("pong_timeout"));
        answers.put("pool_size", a -> p.get("pool_size"));
        return FakeJCo.of(JCoDestinationConfig.class, answers);
    }

    static ProxyConfiguration proxy(boolean configured) {
        Map<String, java.util.function.Function<Object[], Object>> answers = FakeJCo.answers();
        answers.put("isConfigured", a -> configured);
        answers.put("host", a -> "proxy.example.com");
        answers.put("port", a -> 3128);
        answers.put("user", a -> "proxyuser");
        answers.put("password", a -> "proxy-Pass".toCharArray());
        return FakeJCo.of(ProxyConfiguration.class, answers);
    }

    BundleContext bundleContext() {
        Map<String, java.util.function.Function<Object[], Object>> answers = FakeJCo.answers();
        answers.put("registerService", a -> {
            registered.add(String.join(",", (String[]) a[0]));
            Map<String, java.util.function.Function<Object[], Object>> registration = FakeJCo.answers();
            registration.put("unregister", b -> registered.remove(String.join(",", (String[]) a[0])) ? null : null);
            return FakeJCo.of(ServiceRegistration.class, registration);
        });
        return FakeJCo.of(BundleContext.class, answers);
    }

    JCoServices jco(JCoData data) {
        Map<String, java.util.function.Function<Object[], Object>> repository = FakeJCo.answers();
        repository.put("getFunction", a -> {
            if (!a[0].equals(flights.getName())) {
                return null;
            }
            FakeJCo.Function function = (FakeJCo.Function) flights.getFunction();
            function.behaviour = f -> cloud.run(f);
            return function;
        });
        repository.put("getFunctionTemplate", a -> a[0].equals(flights.getName()) ? flights : null);
        JCoRepository jcoRepository = FakeJCo.of(JCoRepository.class, repository);
        Map<String, java.util.function.Function<Object[], Object>> destination = FakeJCo.answers();
        destination.put("getRepository", a -> jcoRepository);
        JCoDestination jcoDestination = FakeJCo.of(JCoDestination.class, destination);
        return new JCoServices(data, new JCoServices.Access() {
            @Override
            public JCoDestination destination(String name) throws JCoException {
                if (data.getDestinationProperties(name) == null) {
                    throw new JCoException(JCoException.JCO_ERROR_COMMUNICATION, "JCO_ERROR_COMMUNICATION",
                            "destination " + name + " does not exist");
                }
                return jcoDestination;
            }

            @Override
            public JCoServer server(String name) {
                throw new UnsupportedOperationException();
            }
        });
    }

    JCoDestinationComponent component(JCoData data, Map<String, Object> settings) {
        TrustService trust = FakeJCo.of(TrustService.class, Map.of("sslContext", a -> null));
        return new JCoDestinationComponent(jco(data), trust, proxy(false), config(settings), settings, bundleContext());
    }

    @Test
    void settingsBecomeJCoWebSocketRfcProperties() {
        Map<String, Object> settings = settings("jco");
        settings.put("proxy", true);
        Properties p = JCoProperties.destination(config(settings), proxy(true));
        assertEquals("my1234-api.s4hana.cloud.sap", p.getProperty("jco.client.wshost"));
        assertEquals("443", p.getProperty("jco.client.wsport"));
        assertEquals("1", p.getProperty("jco.client.use_tls"));
        assertEquals("0", p.getProperty("jco.client.tls_trust_all"), "TLS verification stays on");
        assertEquals("COMM_USER", p.getProperty("jco.client.alias_user"));
        assertNull(p.getProperty("jco.client.user"), "the alias user is the logon, not a second user");
        assertEquals("s3cret-Pass", p.getProperty("jco.client.passwd"));
        assertEquals("100", p.getProperty("jco.client.client"));
        assertEquals("EN", p.getProperty("jco.client.lang"));
        assertEquals("5", p.getProperty("jco.destination.pool_capacity"));
        assertEquals("10", p.getProperty("jco.destination.ws_ping_period"), "JCo's smallest ping period");
        assertEquals("3600", p.getProperty("jco.destination.ws_pong_timeout"), "JCo's largest pong timeout");
        assertEquals("proxy.example.com", p.getProperty("jco.client.proxy_host"));
        assertEquals("3128", p.getProperty("jco.client.proxy_port"));
        assertEquals("proxyuser", p.getProperty("jco.client.proxy_user"));
        assertEquals("proxy-Pass", p.getProperty("jco.client.proxy_passwd"));
    }

    @Test
    void aHostWithHttpsIsRefusedNamingTheField() {
        Map<String, Object> settings = settings("jco");
        settings.put("host", "https://my1234-api.s4hana.cloud.sap");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JCoProperties.destination(config(settings), proxy(false)));
        assertTrue(e.getMessage().startsWith("field host") && e.getMessage().contains("without https://"),
                e.getMessage());
    }

    @Test
    void aCallGoesThroughJCoWithItsValues() throws Exception {
        JCoData data = new JCoData();
        JCoDestinationComponent destination = component(data, settings("jco"));
        assertEquals(List.of(RfcDestination.class.getName() + "," + org.rfcbridge.api.FunctionRepository.class
                .getName()), registered, "registered as destination and repository");
        cloud = f -> {
            f.exports.setValue("COUNT", f.imports.getInt("MAX_ROWS") * 2);
            f.exports.getStructure("HEADER").setValue("CARRID", f.imports.getString("AIRLINE"));
        };
        Function call = destination.getFunctionMetadata("Z_FLIGHTS").orElseThrow().newFunction();
        call.imports().setValue("AIRLINE", "LH");
        call.imports().setValue("MAX_ROWS", 21);
        destination.execute(call);
        assertEquals(42, call.exports().getInt("COUNT"));
        assertEquals("LH", call.exports().getStructure("HEADER").getString("CARRID").trim());
        assertEquals(ConnectionState.ALIVE, destination.status().state());
        assertEquals(1, destination.status().calls());
        assertFalse(destination.getFunctionMetadata("Z_NOT_THERE").isPresent(), "an unknown function is empty");
    }

    @Test
    void errorsArriveAsTheKindsAnAbapCallerUnderstands() throws Exception {
        JCoDestinationComponent destination = component(new JCoData(), settings("jco"));
        Function call = destination.getFunctionMetadata("Z_FLIGHTS").orElseThrow().newFunction();
        cloud = f -> {
            throw new com.sap.conn.jco.AbapException("NOT_FOUND", "No flights found");
        };
        AbapException abap = assertThrows(AbapException.class, () -> destination.execute(call));
        assertEquals("NOT_FOUND", abap.key());
        cloud = f -> {
            throw new JCoException(JCoException.JCO_ERROR_LOGON_FAILURE, "RFC_ERROR_LOGON_FAILURE",
                    "Name or password is incorrect");
        };
        LogonFailureException logon = assertThrows(LogonFailureException.class, () -> destination.execute(call));
        assertTrue(logon.getMessage().contains("Connection_to_Cloud"), logon.getMessage());
        cloud = f -> {
            throw new JCoException(JCoException.JCO_ERROR_COMMUNICATION, "JCO_ERROR_COMMUNICATION",
                    "connection refused");
        };
        CommunicationFailureException down = assertThrows(CommunicationFailureException.class,
                () -> destination.execute(call));
        assertTrue(down.getMessage().contains("connection refused"), down.getMessage());
        assertEquals(ConnectionState.DEAD, destination.status().state());
        assertEquals(2, destination.status().errors(), "logon and communication failures count, ABAP exceptions not");
    }

    @Test
    void aBrokenConfigurationIsRegisteredAndSaysWhatToFix() {
        Map<String, Object> settings = settings("jco");
        settings.put("host", "https://my1234-api.s4hana.cloud.sap");
        JCoData data = new JCoData();
        JCoDestinationComponent destination = component(data, settings);
        assertEquals(1, registered.size());
        assertNull(data.getDestinationProperties("Connection_to_Cloud"), "JCo is not given what cannot work");
        CommunicationFailureException e = assertThrows(CommunicationFailureException.class,
                () -> destination.ping());
        assertTrue(e.getMessage().contains("field host"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), "no password in the error");
    }

    @Test
    void aNativeConfigurationIsLeftToTheNativeComponent() {
        JCoData data = new JCoData();
        JCoDestinationComponent destination = component(data, settings("native"));
        assertTrue(registered.isEmpty(), "nothing registered");
        assertNull(data.getDestinationProperties("Connection_to_Cloud"));
        destination.deactivate();
    }

    @Test
    void jcoAsksForTlsThroughOurTrustStore() throws Exception {
        JCoData data = new JCoData();
        SSLContext ours = SSLContext.getInstance("TLS");
        data.putDestination("Connection_to_Cloud", new Properties(), () -> ours);
        assertTrue(data.getSSLContext("Connection_to_Cloud") == ours);
        assertNull(data.getSSLContext("Other"));
    }
}
