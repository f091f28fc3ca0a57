package solo.company;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import solo.support.yaml.YamlDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * {@code solo.yaml}. This class reads the sections the foundation needs; each layer reads and checks its
 * own section ({@link #section}) so that an error names the file, line and field.
 */
public final class CompanyConfig {
    /** Every top-level section Solo knows; anything else is a typo worth reporting. */
    static final Set<String> SECTIONS = Set.of("name", "timezone", "operator", "database", "models", "tiers",
            "prices", "budgets", "escalation", "email", "server", "memory", "runtime", "hooks", "retention",
            "digest");

    private final YamlDocument document;

    private CompanyConfig(YamlDocument document) {
        this.document = document;
    }

    static CompanyConfig read(Path file) {
        YamlDocument doc = YamlDocument.read(file, file.getFileName());
        JsonNode root = doc.root();
        if (root.isMissingNode() || root.isNull()) {
            return new CompanyConfig(doc);
        }
        if (!root.isObject()) {
            throw doc.error("", "solo.yaml must be a mapping of sections (name, timezone, database, ...)");
        }
        for (String key : root.propertyNames()) {
            if (!SECTIONS.contains(key)) {
                throw doc.errorAtKey("/" + key, "unknown section '" + key + "' (known: " + String.join(", ",
                        new TreeSet<>(SECTIONS)) + ")");
            }
        }
        checkText(doc, "/name");
        checkText(doc, "/timezone");
        checkText(doc, "/database/url");
        return new CompanyConfig(doc);
    }

    private static void checkText(YamlDocument doc, String pointer) {
        JsonNode node = doc.root().at(pointer);
        if (!node.isMissingNode() && !node.isNull() && !node.isString()) {
            throw doc.error(pointer, pointer.substring(1).replace('/', '.') + " must be text");
        }
    }

    public String name() {
        return document.root().path("name").asString("");
    }

    public String timezone() {
        String tz = document.root().path("timezone").asString("");
        return tz.isBlank() ? "UTC" : tz;
    }

    public String databaseUrl() {
        return document.root().at("/database/url").asString("");
    }

    /** A section of solo.yaml for a layer to read; a {@link MissingNode} when absent. */
    public JsonNode section(String name) {
        return document.root().path(name);
    }

    /** The document, for errors that name a line: {@code config.document().error("/models/fast", "...")}. */
    public YamlDocument document() {
        return document;
    }
}
