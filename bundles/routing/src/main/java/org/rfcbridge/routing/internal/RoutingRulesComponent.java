package org.rfcbridge.routing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.felix.utils.properties.TypedProperties;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.rfcbridge.api.RoutingRules;

/**
 * The rules as files in {@code etc/}: a new rule is written as {@code org.rfcbridge.routing.rule-ID.cfg} by
 * Karaf's own {@code .cfg} writer ({@link TypedProperties}, which escapes every value; Felix FileInstall turns the
 * file into a configuration, {@code org.rfcbridge.routing.rule~ID}; one created in Config Admin alone would get no
 * file), changes go through Config Admin, which the monitoring bundle's {@code ConfigurationFiles} writes back to
 * the file, and removing a rule deletes its configuration and its file.
 */
@Component(service = RoutingRules.class)
public final class RoutingRulesComponent implements RoutingRules {
    static final String FACTORY_PID = "org.rfcbridge.routing.rule";
    private static final String FILENAME = "felix.fileinstall.filename";

    private final ConfigurationAdmin configAdmin;
    private final Path etc;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<RoutingRuleComponent> ruleConfigurations = List.of();

    @Activate
    public RoutingRulesComponent(@Reference ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
        this.etc = Path.of(System.getProperty("karaf.etc", "etc"));
    }

    @Override
    public List<Rule> list() {
        List<Rule> rules = new ArrayList<>();
        for (Configuration c : configurations()) {
            rules.add(new Rule(id(c), number(c, "order", 100), !"false".equals(text(c, "enabled")), text(c, "sender"),
                    text(c, "receiver"), text(c, "function"), text(c, "transport"), text(c, "destination"),
                    text(c, "functions.allowed")));
        }
        rules.sort(Comparator.comparingInt(Rule::order).thenComparing(Rule::id));
        return rules;
    }

    @Override
    public List<String> rejected() {
        return ruleConfigurations.stream().map(RoutingRuleComponent::problem).filter(p -> !p.isEmpty()).sorted()
                .toList();
    }

    @Override
    public void add(Rule rule) {
        if (!rule.id().matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("'" + rule.id() + "' cannot be a rule id: use letters, digits, _ . -");
        }
        if (find(rule.id()).isPresent() || Files.exists(file(rule.id()))) {
            throw new IllegalArgumentException("A routing rule " + rule.id() + " exists already");
        }
        for (String[] field : new String[][] {{"sender", rule.sender()}, {"receiver", rule.receiver()},
            {"function", rule.function()}, {"destination", rule.destination()}}) {
            if (field[1] == null || field[1].isBlank()) {
                throw new IllegalArgumentException("field " + field[0] + " is empty");
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sender", rule.sender());
        fields.put("receiver", rule.receiver());
        fields.put("function", rule.function());
        fields.put("transport", rule.transport() == null || rule.transport().isBlank() ? "RFC" : rule.transport());
        fields.put("destination", rule.destination());
        fields.put("enabled", rule.enabled());
        fields.put("order", rule.order());
        if (rule.functionsAllowed() != null && !rule.functionsAllowed().isBlank()) {
            fields.put("functions.allowed", rule.functionsAllowed());
        }
        // Karaf's own .cfg writer (Felix utils, as config:edit writes): every value stays one value, escaped
        TypedProperties file = new TypedProperties();
        file.setHeader(List.of("# routing rule " + rule.id() + ", added by an administrator"));
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String value = String.valueOf(field.getValue());
            if (value.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("field " + field.getKey() + " holds a line break or another "
                        + "control character; a rule's fields are single names or patterns");
            }
            if (value.contains("${") || value.contains("$[")) {
                throw new IllegalArgumentException("field " + field.getKey() + " holds ${...} or $[...], which "
                        + "Karaf would replace when it reads the file; a rule's fields are single names or patterns");
            }
            file.put(field.getKey(), value);
        }
        try {
            // written beside and moved, so the file watcher never reads half a rule
            Path partial = Files.createTempFile(etc, ".rule-" + rule.id(), ".tmp");
            file.save(partial.toFile());
            Files.move(partial, file(rule.id()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(rule.id()) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void setEnabled(String id, boolean enabled) {
        update(id, "enabled", enabled);
    }

    @Override
    public void setOrder(String id, int order) {
        update(id, "order", order);
    }

    @Override
    public void remove(String id) {
        Configuration rule = existing(id);
        try {
            rule.delete();
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove routing rule " + id + ": " + e.getMessage(), e);
        }
    }

    private void update(String id, String key, Object value) {
        Configuration rule = existing(id);
        Dictionary<String, Object> properties = rule.getProperties();
        properties.put(key, value);
        try {
            rule.update(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot change routing rule " + id + ": " + e.getMessage(), e);
        }
    }

    private Configuration existing(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("No routing rule " + id));
    }

    private Optional<Configuration> find(String id) {
        return configurations().stream().filter(c -> id(c).equals(id)).findFirst();
    }

    private List<Configuration> configurations() {
        try {
            Configuration[] found = configAdmin.listConfigurations("(service.factoryPid=" + FACTORY_PID + ")");
            return found == null ? List.of() : Arrays.asList(found);
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("Configuration Admin cannot list the routing rules: " + e.getMessage(), e);
        }
    }

    private Path file(String id) {
        return etc.resolve(FACTORY_PID + "-" + id + ".cfg");
    }

    /** The id: the file name between {@code PID-} and {@code .cfg}, else the name after {@code ~}, else the PID. */
    static String id(Configuration configuration) {
        Object file = configuration.getProperties() == null ? null : configuration.getProperties().get(FILENAME);
        if (file != null) {
            String name = Path.of(file.toString().replaceFirst("^file:", "")).getFileName().toString();
            if (name.startsWith(FACTORY_PID + "-") && name.endsWith(".cfg")) {
                return name.substring(FACTORY_PID.length() + 1, name.length() - 4);
            }
        }
        String pid = configuration.getPid();
        int tilde = pid.indexOf('~');
        return tilde >= 0 ? pid.substring(tilde + 1) : pid;
    }

    private static String text(Configuration configuration, String key) {
        Object value = configuration.getProperties() == null ? null : configuration.getProperties().get(key);
        if (value instanceof String[] values) {
            return String.join(", ", values);
        }
        return value == null ? "" : value.toString().trim();
    }

    private static int number(Configuration configuration, String key, int otherwise) {
        try {
            return Integer.parseInt(text(configuration, key));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
