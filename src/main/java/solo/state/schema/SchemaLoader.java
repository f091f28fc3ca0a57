package solo.state.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import solo.state.Violation;
import solo.support.SoloException;
import solo.support.yaml.YamlDocument;
import tools.jackson.databind.JsonNode;

/** Reads a company's schema folder, refusing a file that is not valid YAML or not a valid JSON Schema. */
final class SchemaLoader {
    static final String LINKS_FILE = "links.yaml";
    private static final Pattern TYPE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private final Path dir;

    SchemaLoader(Path dir) {
        this.dir = dir;
    }

    CompanySchema load() {
        if (!Files.isDirectory(dir)) {
            throw new SoloException(dir + ": schema folder not found");
        }
        Map<String, EntityType> types = new HashMap<>();
        for (Path file : yamlFiles()) {
            String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            if (file.getFileName().toString().equals(LINKS_FILE)) {
                continue;
            }
            if (!TYPE_NAME.matcher(name).matches()) {
                throw new SoloException(file + ": entity type names are lower-case letters, digits and '_'");
            }
            types.put(name, entityType(name, YamlDocument.read(file, shown(file))));
        }
        Path links = dir.resolve(LINKS_FILE);
        Map<String, LinkType> linkTypes = Files.exists(links) ? linkTypes(YamlDocument.read(links, shown(links)), types) : Map.of();
        return new CompanySchema(types, linkTypes);
    }

    /** Files are named in errors as the operator knows them: schema/lead.yaml. */
    private Path shown(Path file) {
        return Path.of(dir.getFileName().toString(), file.getFileName().toString());
    }

    private List<Path> yamlFiles() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new SoloException(dir + ": cannot list schema folder: " + e.getMessage(), e);
        }
    }

    private static EntityType entityType(String name, YamlDocument doc) {
        JsonNode root = doc.root();
        if (!root.isObject()) {
            throw doc.error("", "an entity type's schema must be a YAML mapping (a JSON Schema object)");
        }
        JsonNode type = root.get("type");
        if (type == null || !"object".equals(type.asString())) {
            throw doc.error(type == null ? "" : "/type", "an entity type's schema must say type: object");
        }
        return new EntityType(name, doc);
    }

    /** Checks a type's schema against the JSON Schema meta-schema, then compiles it. */
    static JsonSchema compile(YamlDocument doc) {
        List<Violation> problems = JsonSchema.problems(doc.root());
        if (!problems.isEmpty()) {
            Violation first = problems.getFirst();
            throw doc.error(first.field(), "not a valid JSON Schema: " + first.field() + " " + first.message()
                    + " [" + first.rule() + "]");
        }
        try {
            return JsonSchema.compile(doc, "");
        } catch (RuntimeException e) {
            throw doc.error("", "not a valid JSON Schema: " + e.getMessage());
        }
    }

    private static Map<String, LinkType> linkTypes(YamlDocument doc, Map<String, EntityType> types) {
        JsonNode root = doc.root();
        if (root.isMissingNode()) {
            return Map.of();
        }
        if (!root.isObject()) {
            throw doc.error("", "links.yaml must map link type names to {description, from, to}");
        }
        Map<String, LinkType> out = new HashMap<>();
        for (var entry : root.properties()) {
            String name = entry.getKey();
            String at = "/" + name;
            if (!TYPE_NAME.matcher(name).matches()) {
                throw doc.error(at, "link type names are lower-case letters, digits and '_'");
            }
            JsonNode def = entry.getValue();
            if (!def.isObject()) {
                throw doc.error(at, "link type '" + name + "' must be a mapping with from and to");
            }
            for (var field : def.properties()) {
                if (!Set.of("description", "from", "to").contains(field.getKey())) {
                    throw doc.errorAtKey(at + "/" + field.getKey(), "unknown field '" + field.getKey()
                            + "' (expected description, from, to)");
                }
            }
            String description = def.path("description").asString("");
            out.put(name, new LinkType(name, description, ends(doc, def.get("from"), at + "/from", types),
                    ends(doc, def.get("to"), at + "/to", types)));
        }
        return out;
    }

    /** A list of entity types, or "*" / nothing for any type. */
    private static Set<String> ends(YamlDocument doc, JsonNode node, String at, Map<String, EntityType> types) {
        if (node == null || node.isNull() || "*".equals(node.asString(""))) {
            return Set.of();
        }
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String t = items.get(i).asString("");
            if (!types.containsKey(t)) {
                throw doc.error(node.isArray() ? at + "/" + i : at, "unknown entity type '" + t + "'");
            }
            names.add(t);
        }
        return Set.copyOf(names);
    }
}
