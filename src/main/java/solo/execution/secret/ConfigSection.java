package solo.execution.secret;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import solo.company.CompanyConfig;
import solo.support.yaml.YamlDocument;
import tools.jackson.databind.JsonNode;

/**
 * Reads one section of solo.yaml with errors that name file:line:column and the field. Passwords and
 * keys are read as references ({@code secret:NAME}, {@code env:NAME}): a value typed in plain is
 * refused, because solo.yaml is kept under git.
 */
public final class ConfigSection {
    private final YamlDocument document;
    private final String base;

    private ConfigSection(YamlDocument document, String base) {
        this.document = document;
        this.base = base;
    }

    public static ConfigSection of(CompanyConfig config, String section) {
        return new ConfigSection(config.document(), "/" + section);
    }

    public ConfigSection child(String name) {
        return new ConfigSection(document, base + "/" + escape(name));
    }

    public boolean present() {
        JsonNode n = node();
        return !n.isMissingNode() && !n.isNull();
    }

    public JsonNode node() {
        return document.root().at(base);
    }

    /** Refuses fields other than these (a typo should not be silently ignored). */
    public ConfigSection only(String... fields) {
        JsonNode n = node();
        if (!present()) {
            return this;
        }
        if (!n.isObject()) {
            throw error("", "must be a mapping");
        }
        Set<String> known = new TreeSet<>(List.of(fields));
        for (String key : n.propertyNames()) {
            if (!known.contains(key)) {
                throw error("/" + escape(key), "unknown field '" + key + "' (known: " + String.join(", ", known) + ")");
            }
        }
        return this;
    }

    /** Checks that the section, when present, is a mapping (of names chosen by the operator). */
    public ConfigSection mapping() {
        if (present() && !node().isObject()) {
            throw error("", "must be a mapping");
        }
        return this;
    }

    public List<String> names() {
        List<String> out = new ArrayList<>();
        node().propertyNames().forEach(out::add);
        return out;
    }

    public String text(String field, String fallback) {
        JsonNode n = node().path(field);
        if (n.isMissingNode() || n.isNull()) {
            return fallback;
        }
        if (!n.isString() && !n.isNumber() && !n.isBoolean()) {
            throw error("/" + field, "must be text");
        }
        return n.asString();
    }

    public String requiredText(String field) {
        String v = text(field, null);
        if (v == null || v.isBlank()) {
            throw error("/" + field, "is required");
        }
        return v;
    }

    public int integer(String field, int fallback, int min, int max) {
        JsonNode n = node().path(field);
        if (n.isMissingNode() || n.isNull()) {
            return fallback;
        }
        if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
            throw error("/" + field, "must be a whole number from " + min + " to " + max);
        }
        return n.asInt();
    }

    public Duration seconds(String field, Duration fallback, int min, int max) {
        int s = integer(field, -1, min, max);
        return s < 0 ? fallback : Duration.ofSeconds(s);
    }

    public boolean bool(String field, boolean fallback) {
        JsonNode n = node().path(field);
        if (n.isMissingNode() || n.isNull()) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw error("/" + field, "must be true or false");
        }
        return n.asBoolean();
    }

    public String choice(String field, String fallback, String... allowed) {
        String v = text(field, fallback);
        if (v != null && !List.of(allowed).contains(v)) {
            throw error("/" + field, "must be one of " + String.join(", ", allowed) + ", not '" + v + "'");
        }
        return v;
    }

    /** A {@code secret:NAME} or {@code env:NAME} reference, or null when absent. */
    public String reference(String field) {
        String v = text(field, null);
        if (v != null && !SecretResolver.isReference(v)) {
            throw error("/" + field, "must be a reference, secret:NAME (solo secret set NAME) or env:NAME;"
                    + " secrets are never written in solo.yaml");
        }
        return v;
    }

    public List<String> texts(String field) {
        JsonNode n = node().path(field);
        List<String> out = new ArrayList<>();
        if (n.isMissingNode() || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw error("/" + field, "must be a list");
        }
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isString()) {
                throw error("/" + field + "/" + i, "must be text");
            }
            out.add(n.get(i).asString());
        }
        return out;
    }

    /** An error at a field of this section: {@code solo.yaml:12:5: email.smtp.port must be ...}. */
    public RuntimeException error(String relative, String message) {
        String pointer = base + relative;
        return document.error(pointer, pointer.substring(1).replace('/', '.') + " " + message);
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
