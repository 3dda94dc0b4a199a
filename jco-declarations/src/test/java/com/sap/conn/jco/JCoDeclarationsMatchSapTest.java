package com.sap.conn.jco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our JCo declarations against SAP's own JCo 3.1 API classes (com.sap.cloud:neo-java-web-api on Maven Central),
 * member by member: kind of type, supertypes, every constructor, method (parameters, return type, static,
 * checked exceptions) and constant value. A declaration that would link differently at a site fails here.
 *
 * <p>SAP's jar is the BTP variant: it lacks the standalone server entry points and {@code com.sap.conn.jco.ext}.
 * What it cannot confirm is listed below with its source (../shared/docs/jco-api.md), and nothing else may be
 * missing from it.
 */
class JCoDeclarationsMatchSapTest {
    /** Types SAP's BTP classes do not have; their signatures follow jco-api.md's sources. */
    private static final Map<String, String> STANDALONE_TYPES = Map.of(
            "com.sap.conn.jco.ext.Environment", "jco-api.md 3.1: HIB bytecode descriptors, EX31, CAMEL",
            "com.sap.conn.jco.ext.DestinationDataProvider", "jco-api.md 3.2: EX31, CAMEL, BAL, HIB, BLOG",
            "com.sap.conn.jco.ext.DestinationDataEventListener", "jco-api.md 3.3: HIB descriptors, EX31",
            "com.sap.conn.jco.ext.ServerDataProvider", "jco-api.md 3.3: BAL, CAMEL, FRANK",
            "com.sap.conn.jco.ext.ServerDataEventListener", "jco-api.md 3.3: FRANK, BAL",
            "com.sap.conn.jco.server.JCoServerFactory", "jco-api.md 2.1: J30-DOC, EX31, CAMEL, FRANK",
            "com.sap.conn.jco.server.JCoServerCallHandlerFactory", "jco-api.md 2.5: J30-DOC, EX31, FUSE",
            "com.sap.conn.jco.server.JCoServerFunctionHandlerFactory", "jco-api.md 2.5: J30-DOC, EX31, FUSE, BAL");
    /** Members of types SAP does have that its BTP variant leaves out. */
    private static final Map<String, String> STANDALONE_MEMBERS = Map.of(
            "com.sap.conn.jco.server.JCoServer.start()", "jco-api.md 2.2: EX31, CAMEL, BAL, FRANK",
            "com.sap.conn.jco.server.JCoServer.stop()", "jco-api.md 2.2: EX31, CAMEL, BAL",
            "com.sap.conn.jco.server.JCoServer.setCallHandlerFactory(com.sap.conn.jco.server.JCoServerCallHandlerFactory)",
            "jco-api.md 2.2: J30-DOC parameter type, EX31, CAMEL, FRANK",
            "com.sap.conn.jco.server.JCoServerState.DEAD", "jco-api.md 2.3: CAMEL, standalone code");

    private static ClassLoader sap;
    private static List<Class<?>> declared;

    @BeforeAll
    static void load() throws IOException {
        Path jar = Path.of(System.getProperty("sap.api.jar", "target/sap-api/neo-java-web-api.jar"));
        assertTrue(Files.isRegularFile(jar), "SAP's API jar was not copied to " + jar + " by the build");
        sap = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Path classes = Path.of(JCoException.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        try (Stream<Path> files = Files.walk(classes)) {
            declared = files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .filter(name -> name.startsWith("com.sap.conn.jco"))
                    .sorted().map(JCoDeclarationsMatchSapTest::ours).collect(Collectors.toList());
        }
        assertTrue(declared.size() > 20, "the declarations were found: " + declared);
    }

    private static Class<?> ours(String name) {
        try {
            return Class.forName(name, false, JCoDeclarationsMatchSapTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> theirs(String name) {
        try {
            return Class.forName(name, false, sap);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    @Test
    void everyDeclaredTypeIsSapsOrAStandaloneTypeWithItsSource() {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : declared) {
            Class<?> sapType = theirs(type.getName());
            if (sapType == null && !STANDALONE_TYPES.containsKey(type.getName())) {
                problems.add(type.getName() + " is not in SAP's classes and not listed as standalone-only");
            }
            if (sapType != null && STANDALONE_TYPES.containsKey(type.getName())) {
                problems.add(type.getName() + " is in SAP's classes now: compare it instead of listing it");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void typesAreTheSameKindWithTheSameSupertypes() {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : declared) {
            Class<?> sapType = theirs(type.getName());
            if (sapType == null) {
                continue;
            }
            if (type.isInterface() != sapType.isInterface() || type.isEnum() != sapType.isEnum()
                    || Modifier.isAbstract(type.getModifiers()) != Modifier.isAbstract(sapType.getModifiers())) {
                problems.add(type.getName() + ": " + kind(type) + " here, " + kind(sapType) + " in SAP's classes");
            }
            if (!type.isInterface() && !name(type.getSuperclass()).equals(name(sapType.getSuperclass()))) {
                problems.add(type.getName() + " extends " + name(type.getSuperclass()) + " here, "
                        + name(sapType.getSuperclass()) + " in SAP's classes");
            }
            Set<String> sapInterfaces = Arrays.stream(sapType.getInterfaces()).map(Class::getName)
                    .collect(Collectors.toSet());
            for (Class<?> i : type.getInterfaces()) {
                if (!sapInterfaces.contains(i.getName())) {
                    problems.add(type.getName() + " extends " + i.getName() + " here only");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyMethodAndConstructorLinksAsInSapsClasses() {
        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (Class<?> type : declared) {
            Class<?> sapType = theirs(type.getName());
            if (sapType == null) {
                continue;
            }
            for (Executable member : members(type)) {
                Executable sapMember = find(sapType, member);
                String id = type.getName() + "." + signature(member);
                if (sapMember == null) {
                    if (!STANDALONE_MEMBERS.containsKey(id)) {
                        problems.add(id + " is not in SAP's classes");
                    }
                    continue;
                }
                compared++;
                if (member instanceof Method m && !m.getReturnType().getName()
                        .equals(((Method) sapMember).getReturnType().getName())) {
                    problems.add(id + " returns " + m.getReturnType().getName() + " here, "
                            + ((Method) sapMember).getReturnType().getName() + " in SAP's classes");
                }
                int flags = Modifier.STATIC | Modifier.FINAL | Modifier.PUBLIC | Modifier.PROTECTED;
                if (!type.isInterface() && (member.getModifiers() & flags) != (sapMember.getModifiers() & flags)) {
                    problems.add(id + ": '" + Modifier.toString(member.getModifiers() & flags) + "' here, '"
                            + Modifier.toString(sapMember.getModifiers() & flags) + "' in SAP's classes");
                }
                if (!checked(member).equals(checked(sapMember))) {
                    problems.add(id + " throws " + checked(member) + " here, " + checked(sapMember)
                            + " in SAP's classes");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(compared > 60, "members were compared: " + compared);
    }

    @Test
    void constantsHaveSapsValues() throws ReflectiveOperationException {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : declared) {
            Class<?> sapType = theirs(type.getName());
            if (sapType == null) {
                continue;
            }
            for (Field field : type.getDeclaredFields()) {
                int m = field.getModifiers();
                if (!Modifier.isPublic(m) || !Modifier.isStatic(m)) {
                    continue;
                }
                String id = type.getName() + "." + field.getName();
                Field sapField;
                try {
                    sapField = sapType.getField(field.getName());
                } catch (NoSuchFieldException e) {
                    if (!STANDALONE_MEMBERS.containsKey(id)) {
                        problems.add(id + " is not in SAP's classes");
                    }
                    continue;
                }
                if (field.isEnumConstant()) {
                    continue;                       // an enum constant links by name
                }
                Object value = field.get(null);
                Object sapValue = sapField.get(null);
                if (!value.equals(sapValue)) {
                    problems.add(id + " = " + value + " here, " + sapValue + " in SAP's classes");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The traps of jco-api.md section 1, for the standalone types SAP's classes cannot confirm. */
    @Test
    void standaloneDeclarationsAvoidTheKnownTraps() throws ReflectiveOperationException {
        Class<?> server = ours("com.sap.conn.jco.server.JCoServer");
        Class<?> callHandlerFactory = ours("com.sap.conn.jco.server.JCoServerCallHandlerFactory");
        Class<?> functionHandlerFactory = ours("com.sap.conn.jco.server.JCoServerFunctionHandlerFactory");
        server.getMethod("setCallHandlerFactory", callHandlerFactory);               // trap 2: not the narrower type
        assertTrue(Arrays.asList(functionHandlerFactory.getInterfaces()).contains(callHandlerFactory));
        Method sessionClosed = callHandlerFactory.getMethod("sessionClosed",     // trap 4: must be implemented
                ours("com.sap.conn.jco.server.JCoServerContext"), String.class, boolean.class);
        assertTrue(Modifier.isAbstract(sessionClosed.getModifiers()));
        for (Method m : JCoRecord.class.getMethods()) {                          // trap 5: JCo 3.1.7+ only
            List<Class<?>> parameters = Arrays.asList(m.getParameterTypes());
            assertTrue(!parameters.contains(java.util.Date.class) && !parameters.contains(java.math.BigInteger.class),
                    m + " binds to an overload older JCo releases do not have");
        }
        Class<?> destinationDataProvider = ours("com.sap.conn.jco.ext.DestinationDataProvider");
        assertTrue(destinationDataProvider.getMethod("getSSLContext", String.class).isDefault(),
                "getSSLContext is not abstract in JCo");
        Class<?> environment = ours("com.sap.conn.jco.ext.Environment");             // trap 6: classes, not interfaces
        assertTrue(!environment.isInterface() && Modifier.isStatic(environment
                .getMethod("registerServerDataProvider", ours("com.sap.conn.jco.ext.ServerDataProvider")).getModifiers()));
        Class<?> serverFactory = ours("com.sap.conn.jco.server.JCoServerFactory");
        assertTrue(!serverFactory.isInterface() && Modifier.isAbstract(serverFactory.getModifiers()));
        assertEquals(List.of(JCoException.class), Arrays.asList(serverFactory.getMethod("getServer", String.class)
                .getExceptionTypes()));
    }

    private static List<Executable> members(Class<?> type) {
        List<Executable> members = new ArrayList<>();
        for (Method m : type.getDeclaredMethods()) {
            boolean enumSupport = type.isEnum() && (m.getName().equals("values") || m.getName().equals("valueOf"));
            if (!m.isSynthetic() && !enumSupport && (Modifier.isPublic(m.getModifiers())
                    || Modifier.isProtected(m.getModifiers()))) {
                members.add(m);
            }
        }
        if (!type.isEnum()) {
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers())) {
                    members.add(c);
                }
            }
        }
        return members;
    }

    private static Executable find(Class<?> sapType, Executable member) {
        Stream<? extends Executable> candidates = member instanceof Constructor
                ? Arrays.stream(sapType.getDeclaredConstructors())
                : Stream.concat(Arrays.stream(sapType.getMethods()), Arrays.stream(sapType.getDeclaredMethods()));
        return candidates.filter(c -> !(member instanceof Method) || c.getName().equals(member.getName()))
                .filter(c -> parameters(c).equals(parameters(member))).findFirst().orElse(null);
    }

    private static String signature(Executable member) {
        return (member instanceof Constructor ? "<init>" : member.getName()) + "(" + parameters(member) + ")";
    }

    private static String parameters(Executable member) {
        return Arrays.stream(member.getParameterTypes()).map(Class::getTypeName).collect(Collectors.joining(","));
    }

    private static Set<String> checked(Executable member) {
        Set<String> names = new TreeSet<>();
        for (Class<?> e : member.getExceptionTypes()) {
            if (!RuntimeException.class.getName().equals(e.getName()) && !isUnchecked(e)) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static boolean isUnchecked(Class<?> exception) {
        for (Class<?> c = exception; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(RuntimeException.class.getName()) || c.getName().equals(Error.class.getName())) {
                return true;
            }
        }
        return false;
    }

    private static String kind(Class<?> type) {
        return type.isEnum() ? "enum" : type.isInterface() ? "interface"
                : Modifier.isAbstract(type.getModifiers()) ? "abstract class" : "class";
    }

    private static String name(Class<?> type) {
        return type == null ? "none" : type.getName();
    }
}
