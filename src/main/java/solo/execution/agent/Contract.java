package solo.execution.agent;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.List;
import solo.execution.config.ConfigNode;
import solo.state.Violation;
import tools.jackson.databind.JsonNode;

/**
 * An agent's input or output contract: a JSON Schema (draft 2020-12, formats asserted, as entity types are
 * checked), written in the agent's YAML file. Violations name the field, the rule and where the rule is.
 */
public final class Contract {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true).pathType(PathType.JSON_POINTER).build()));
    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private final ConfigNode source;
    private final Schema schema;

    private Contract(ConfigNode source, Schema schema) {
        this.source = source;
        this.schema = schema;
    }

    /** Compiles the schema at this node; an invalid schema is an error naming file:line:column. */
    public static Contract compile(ConfigNode node) {
        if (node.absent() || !node.node().isObject()) {
            throw node.error(node.name() + " must be a JSON Schema (a mapping with type: object)");
        }
        List<Error> problems = REGISTRY.getSchema(SchemaLocation.of(META_SCHEMA)).validate(node.node());
        if (!problems.isEmpty()) {
            Error first = problems.getFirst();
            String at = pointer(first.getInstanceLocation());
            String message = first.getMessage();
            throw node.document().error(node.pointer() + at, "not a valid JSON Schema: " + (message.startsWith("/") ? message
                    : node.name() + at.replace('/', '.') + " " + message));
        }
        if (!"object".equals(node.node().path("type").asString(""))) {
            throw node.error(node.name() + " must describe a JSON object (type: object)");
        }
        try {
            return new Contract(node, REGISTRY.getSchema(node.node()));
        } catch (RuntimeException e) {
            throw node.error("not a valid JSON Schema: " + e.getMessage());
        }
    }

    public JsonNode schema() {
        return source.node();
    }

    /** Whether the contract declares this top-level field. */
    public boolean declares(String field) {
        return source.node().path("properties").has(field);
    }

    public boolean requires(String field) {
        for (JsonNode r : source.node().path("required")) {
            if (field.equals(r.asString())) {
                return true;
            }
        }
        return false;
    }

    public List<Violation> validate(JsonNode value) {
        List<Violation> out = new ArrayList<>();
        for (Error e : schema.validate(value)) {
            String field = pointer(e.getInstanceLocation());
            if (e.getProperty() != null && List.of("required", "additionalProperties", "unevaluatedProperties").contains(e.getKeyword())) {
                field = field + "/" + e.getProperty();
            }
            String where = source.document().describe(source.pointer() + pointer(e.getSchemaLocation().getFragment()));
            out.add(new Violation(field, e.getKeyword(), message(e), where));
        }
        return out;
    }

    private static String message(Error e) {
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        switch (keyword) {
            case "additionalProperties", "unevaluatedProperties":
                return "unknown field (the contract declares no such field)";
            case "required":
                return "required field is missing";
            default:
                break;
        }
        String m = e.getMessage();
        int colon = m.indexOf(": ");
        return colon >= 0 && (m.startsWith("/") || m.startsWith("$") || m.startsWith(":")) ? m.substring(colon + 2) : m;
    }

    private static String pointer(NodePath path) {
        if (path == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            sb.append('/').append(path.getName(i).replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }
}
