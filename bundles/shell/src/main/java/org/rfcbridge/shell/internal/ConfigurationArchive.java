package org.rfcbridge.shell.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.rfcbridge.api.SecretKeys;
import org.rfcbridge.api.json.JsonText;

/**
 * Every {@code org.rfcbridge} configuration as one JSON file, for a backup or a second node
 * ({@code rfc:config-export}), and that file applied back, checked first and applied whole or not at all
 * ({@code rfc:config-import}). Values are written as text (typed again by the metatype on import), so that
 * equal configurations give equal exports. A secret (a key named like a password or secret) is never written: a
 * {@code $[secret:...]} or {@code $[env:...]} reference is kept as it is, a value in clear becomes
 * {@value #NOT_EXPORTED}, which an import reads as "keep the value this runtime has". The simulators'
 * configuration is left out (never on a production node). A checksum over the configurations tells a changed
 * file; it is also the digest that two nodes compare.
 */
final class ConfigurationArchive {
    static final String FORMAT = "rfcbridge-configuration";
    static final int VERSION = 1;
    /** What an export writes for a secret in clear. */
    static final String NOT_EXPORTED = "(not exported)";
    private static final String PREFIX = "org.rfcbridge.";
    private static final String SIMULATORS = "org.rfcbridge.simulators.";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\[(secret|env):[^\\]]+\\]");
    private static final Set<String> BOOKKEEPING = Set.of("service.pid", "service.factoryPid",
            "felix.fileinstall.filename", "service.bundleLocation", ":org.apache.felix.configadmin.revision:");

    private final ConfigurationAdmin configAdmin;
    private final BundleContext context;
    private final MetaTypeService metaType;

    ConfigurationArchive(ConfigurationAdmin configAdmin, BundleContext context, MetaTypeService metaType) {
        this.configAdmin = configAdmin;
        this.context = context;
        this.metaType = metaType;
    }

    /** The export: format, version, the configurations sorted by PID and name, their checksum. */
    Map<String, Object> export() throws IOException {
        List<Object> entries = new ArrayList<>();
        for (Configuration c : configurations()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            if (c.getFactoryPid() != null) {
                entry.put("factoryPid", c.getFactoryPid());
                entry.put("name", nameOf(c));
            } else {
                entry.put("pid", c.getPid());
            }
            Map<String, Object> properties = new TreeMap<>();
            Dictionary<String, Object> dictionary = c.getProperties();
            for (String key : Collections.list(dictionary.keys())) {
                if (!BOOKKEEPING.contains(key)) {
                    properties.put(key, exported(key, dictionary.get(key)));
                }
            }
            entry.put("properties", properties);
            entries.add(entry);
        }
        entries.sort(Comparator.comparing(e -> key((Map<?, ?>) e)));
        Map<String, Object> archive = new LinkedHashMap<>();
        archive.put("format", FORMAT);
        archive.put("version", VERSION);
        archive.put("configurations", entries);
        archive.put("sha256", checksum(entries));
        return archive;
    }

    /**
     * Checks the whole file, then applies it: creates or updates every configuration it holds (configurations it
     * does not hold stay as they are).
     *
     * @return what was done, one line per configuration
     * @throws IllegalArgumentException naming the file's problem (and the PID and field) before anything changed
     */
    @SuppressWarnings("unchecked")
    List<String> importArchive(String text) throws IOException {
        Object parsed;
        try {
            parsed = JsonText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an export of rfc:config-export: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> archive) || !FORMAT.equals(archive.get("format"))) {
            throw new IllegalArgumentException("not an export of rfc:config-export (format " + FORMAT + ")");
        }
        if (!(archive.get("version") instanceof BigDecimal version) || version.intValue() != VERSION) {
            throw new IllegalArgumentException("version " + archive.get("version") + " of the export is not "
                    + VERSION + ", the one this bridge reads");
        }
        if (!(archive.get("configurations") instanceof List<?> entries)) {
            throw new IllegalArgumentException("the export has no configurations");
        }
        if (!checksum(entries).equals(archive.get("sha256"))) {
            throw new IllegalArgumentException("the checksum (sha256) does not match: the file was changed after "
                    + "the export; export again rather than edit it");
        }
        List<Change> changes = new ArrayList<>();
        for (Object entry : entries) {
            changes.add(checked((Map<String, Object>) entry));
        }
        List<String> done = new ArrayList<>();
        for (Change change : changes) {
            Configuration target = change.factoryPid == null ? configAdmin.getConfiguration(change.pid, "?")
                    : configAdmin.getFactoryConfiguration(change.factoryPid, change.name, "?");
            if (target.getProperties() != null && same(target.getProperties(), change.properties)) {
                // an update with the same values would still restart the component (a listener re-registers)
                done.add("unchanged " + change.label());
                continue;
            }
            done.add((target.getProperties() == null ? "created " : "updated ") + change.label());
            target.update(change.properties);
        }
        return done;
    }

    /** One configuration of the file, checked against its metatype and this runtime's secrets. */
    private Change checked(Map<String, Object> entry) throws IOException {
        String pid = string(entry.get("pid"));
        String factoryPid = string(entry.get("factoryPid"));
        String name = string(entry.get("name"));
        String which = factoryPid != null ? factoryPid + " " + name : pid;
        String definedBy = factoryPid != null ? factoryPid : pid;
        if (definedBy == null || !definedBy.startsWith(PREFIX) || definedBy.startsWith(SIMULATORS)
                || (factoryPid != null && (name == null || name.isBlank()))) {
            throw new IllegalArgumentException("configuration " + which + " is not one of RFC Bridge's");
        }
        ObjectClassDefinition definition = definition(definedBy, factoryPid != null);
        if (definition == null) {
            throw new IllegalArgumentException("unknown PID " + definedBy + ": no bundle of this bridge defines it");
        }
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        for (AttributeDefinition a : definition.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            attributes.put(a.getID(), a);
        }
        if (!(entry.get("properties") instanceof Map<?, ?> values)) {
            throw new IllegalArgumentException("configuration " + which + " has no properties");
        }
        Dictionary<String, Object> current = current(pid, factoryPid, name);
        Hashtable<String, Object> properties = new Hashtable<>();
        for (Map.Entry<?, ?> value : values.entrySet()) {
            String key = String.valueOf(value.getKey());
            AttributeDefinition attribute = attributes.get(key);
            if (attribute == null) {
                throw new IllegalArgumentException("configuration " + which + ": field " + key + " is not a field of "
                        + definedBy);
            }
            if (NOT_EXPORTED.equals(value.getValue())) {
                Object kept = current == null ? null : current.get(key);
                if (kept == null) {
                    throw new IllegalArgumentException("configuration " + which + ": field " + key + " was not "
                            + "exported (a secret) and this runtime has no value for it: configure it here first, "
                            + "or use a $[secret:...] reference on both nodes");
                }
                properties.put(key, kept);
            } else {
                properties.put(key, typed(which, attribute, value.getValue()));
            }
        }
        return new Change(pid, factoryPid, name, properties);
    }

    /** True if a configuration holds these values already (compared as text: a file's "61" is the export's 61). */
    private static boolean same(Dictionary<String, Object> current, Hashtable<String, Object> wanted) {
        Map<String, String> have = new TreeMap<>();
        for (String key : Collections.list(current.keys())) {
            if (!BOOKKEEPING.contains(key)) {
                have.put(key, text(current.get(key)));
            }
        }
        Map<String, String> want = new TreeMap<>();
        wanted.forEach((key, value) -> want.put(key, text(value)));
        return have.equals(want);
    }

    private static String text(Object value) {
        return value instanceof Object[] array ? String.join(",", Arrays.stream(array).map(String::valueOf).toList())
                : String.valueOf(value);
    }

    private Dictionary<String, Object> current(String pid, String factoryPid, String name) throws IOException {
        String filter = factoryPid == null ? "(service.pid=" + pid + ")" : "(service.pid=" + factoryPid + "~" + name + ")";
        try {
            Configuration[] found = configAdmin.listConfigurations(filter);
            return found == null ? null : found[0].getProperties();
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("the name " + name + " cannot be part of a PID");
        }
    }

    /** A value of the file as the metatype's type: a number, a boolean, a text, or several of them. */
    private static Object typed(String which, AttributeDefinition attribute, Object value) {
        if (attribute.getCardinality() != 0) {
            List<?> items = value instanceof List<?> list ? list : List.of(value);
            String[] texts = new String[items.size()];
            for (int i = 0; i < texts.length; i++) {
                texts[i] = String.valueOf(items.get(i));
            }
            return texts;
        }
        String text = value instanceof BigDecimal number ? number.toPlainString() : String.valueOf(value);
        try {
            switch (attribute.getType()) {
                case AttributeDefinition.INTEGER:
                    return Integer.valueOf(text);
                case AttributeDefinition.LONG:
                    return Long.valueOf(text);
                case AttributeDefinition.BOOLEAN:
                    if (!text.equals("true") && !text.equals("false")) {
                        throw new NumberFormatException(text);
                    }
                    return Boolean.valueOf(text);
                default:
                    return text;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration " + which + ": field " + attribute.getID() + " '" + text
                    + "' is not a " + (attribute.getType() == AttributeDefinition.BOOLEAN ? "boolean" : "number"));
        }
    }

    /** The metatype of a PID or factory PID, from the bridge's bundles. */
    private ObjectClassDefinition definition(String pid, boolean factory) {
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName() == null || !bundle.getSymbolicName().startsWith("org.rfcbridge.")) {
                continue;
            }
            MetaTypeInformation info = metaType.getMetaTypeInformation(bundle);
            if (info != null && List.of(factory ? info.getFactoryPids() : info.getPids()).contains(pid)) {
                return info.getObjectClassDefinition(pid, null);
            }
        }
        return null;
    }

    private List<Configuration> configurations() throws IOException {
        try {
            Configuration[] all = configAdmin.listConfigurations("(service.pid=" + PREFIX + "*)");
            List<Configuration> bridge = new ArrayList<>();
            for (Configuration c : all == null ? new Configuration[0] : all) {
                if (!c.getPid().startsWith(SIMULATORS)) {
                    bridge.add(c);
                }
            }
            return bridge;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("the filter is fixed", e);
        }
    }

    /** A factory configuration's name: after {@code ~} in its PID (Karaf's file name part). */
    private static String nameOf(Configuration c) {
        int tilde = c.getPid().indexOf('~');
        return tilde >= 0 ? c.getPid().substring(tilde + 1) : c.getPid();
    }

    private static Object exported(String key, Object value) {
        Object plain = value instanceof Object[] array ? List.of(array) : value;
        if (SecretKeys.isSecret(key) && !(plain instanceof String text && (text.isEmpty()
                || REFERENCE.matcher(text).matches()))) {
            return NOT_EXPORTED;
        }
        // as text, whether Config Admin holds a value typed (set on the console) or as read from a file: the same
        // configuration gives the same export and digest; an import types the values by the metatype
        return plain instanceof List<?> list ? list.stream().map(String::valueOf).toList() : String.valueOf(plain);
    }

    private static String key(Map<?, ?> entry) {
        return entry.containsKey("pid") ? String.valueOf(entry.get("pid")) : entry.get("factoryPid") + "~"
                + entry.get("name");
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /** SHA-256 of the configurations as compact JSON, hex. */
    static String checksum(List<?> configurations) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JsonText.write(configurations)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** One configuration to create or update. */
    private record Change(String pid, String factoryPid, String name, Hashtable<String, Object> properties) {
        String label() {
            return factoryPid != null ? factoryPid + "~" + name : pid;
        }
    }
}
