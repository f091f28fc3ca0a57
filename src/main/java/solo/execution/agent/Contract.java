package solo.execution.agent;

import java.util.List;
import solo.execution.config.ConfigNode;
import solo.state.Violation;
import solo.state.schema.JsonSchema;
import tools.jackson.databind.JsonNode;

/**
 * An agent's input or output contract: a JSON Schema checked exactly as entity types are
 * ({@link JsonSchema}), written in the agent's YAML file. Violations name the field, the rule and where
 * the rule is.
 */
public final class Contract {
    private final ConfigNode source;
    private final JsonSchema schema;

    private Contract(ConfigNode source, JsonSchema schema) {
        this.source = source;
        this.schema = schema;
    }

    /** Compiles the schema at this node; an invalid schema is an error naming file:line:column. */
    public static Contract compile(ConfigNode node) {
        if (node.absent() || !node.node().isObject()) {
            throw node.error(node.name() + " must be a JSON Schema (a mapping with type: object)");
        }
        List<Violation> problems = JsonSchema.problems(node.node());
        if (!problems.isEmpty()) {
            Violation first = problems.getFirst();
            throw node.document().error(node.pointer() + first.field(), "not a valid JSON Schema: "
                    + node.name() + first.field().replace('/', '.') + " " + first.message());
        }
        if (!"object".equals(node.node().path("type").asString(""))) {
            throw node.error(node.name() + " must describe a JSON object (type: object)");
        }
        try {
            return new Contract(node, JsonSchema.compile(node.document(), node.pointer()));
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
        return schema.validate(value, "contract");
    }
}
