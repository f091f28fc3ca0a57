package solo.execution.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import solo.support.yaml.YamlDocument;
import solo.support.yaml.YamlException;
import tools.jackson.databind.JsonNode;

/**
 * A node of a YAML document (solo.yaml, an agent or a policy file) with typed accessors whose errors
 * name file:line:column and the field, so that every definition Solo reads is checked the same way.
 */
public record ConfigNode(YamlDocument document, String pointer, JsonNode node) {

    public static ConfigNode root(YamlDocument document) {
        return new ConfigNode(document, "", document.root());
    }

    /** A section of solo.yaml. */
    public static ConfigNode section(YamlDocument document, String name) {
        return new ConfigNode(document, "/" + name, document.root().path(name));
    }

    public boolean absent() {
        return node == null || node.isMissingNode() || node.isNull();
    }

    public boolean has(String key) {
        return !child(key).absent();
    }

    public ConfigNode child(String key) {
        return new ConfigNode(document, pointer + "/" + key.replace("~", "~0").replace("/", "~1"),
                node == null ? null : node.path(key));
    }

    public ConfigNode item(int index) {
        return new ConfigNode(document, pointer + "/" + index, node.path(index));
    }

    /** The field's name as the operator wrote it: {@code models.openai.base_url}. */
    public String name() {
        return pointer.isEmpty() ? "(document)" : pointer.substring(1).replace('/', '.').replace("~1", "/").replace("~0", "~");
    }

    public YamlException error(String message) {
        return document.error(pointer, message);
    }

    public String where() {
        return document.describe(pointer);
    }

    public ConfigNode requireObject(String what) {
        if (absent() || !node.isObject()) {
            throw error(name() + " must be a mapping (" + what + ")");
        }
        return this;
    }

    /** Refuses any key not in {@code allowed}: a typo in a definition is worth an error, not silence. */
    public ConfigNode allowKeys(Set<String> allowed) {
        if (absent()) {
            return this;
        }
        requireObject(String.join(", ", new TreeSet<>(allowed)));
        for (String key : node.propertyNames()) {
            if (!allowed.contains(key)) {
                throw child(key).error("unknown field '" + key + "' (expected " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return this;
    }

    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        if (!absent() && node.isObject()) {
            node.propertyNames().forEach(keys::add);
        }
        return keys;
    }

    public List<ConfigNode> items() {
        List<ConfigNode> items = new ArrayList<>();
        if (!absent() && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                items.add(item(i));
            }
        }
        return items;
    }

    public String text() {
        if (absent() || !node.isValueNode() || node.isContainer() || node.asString("").isBlank()) {
            throw error(name() + " must be text" + (absent() ? " (missing)" : ""));
        }
        return node.asString();
    }

    public String text(String key) {
        return child(key).text();
    }

    public Optional<String> optText(String key) {
        ConfigNode c = child(key);
        return c.absent() || c.node.asString("").isBlank() ? Optional.empty() : Optional.of(c.text());
    }

    public double number(double min, double max) {
        if (absent() || !node.isNumber()) {
            throw error(name() + " must be a number" + (absent() ? " (missing)" : ""));
        }
        double v = node.asDouble();
        if (v < min || v > max) {
            throw error(name() + " must be between " + trim(min) + " and " + trim(max) + ", not " + trim(v));
        }
        return v;
    }

    public double number(String key, double fallback, double min, double max) {
        ConfigNode c = child(key);
        return c.absent() ? fallback : c.number(min, max);
    }

    public int integer(String key, int fallback, int min, int max) {
        ConfigNode c = child(key);
        if (c.absent()) {
            return fallback;
        }
        if (!c.node.isIntegralNumber()) {
            throw c.error(c.name() + " must be a whole number");
        }
        return (int) c.number(min, max);
    }

    public boolean bool(String key, boolean fallback) {
        ConfigNode c = child(key);
        if (c.absent()) {
            return fallback;
        }
        if (!c.node.isBoolean()) {
            throw c.error(c.name() + " must be true or false");
        }
        return c.node.asBoolean();
    }

    /** A list of texts; a single text counts as a list of one. */
    public List<String> texts(String key) {
        ConfigNode c = child(key);
        if (c.absent()) {
            return List.of();
        }
        if (c.node.isArray()) {
            return c.items().stream().map(ConfigNode::text).toList();
        }
        return List.of(c.text());
    }

    private static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
