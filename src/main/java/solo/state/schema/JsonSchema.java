package solo.state.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.List;
import solo.state.Violation;
import solo.support.yaml.YamlDocument;
import tools.jackson.databind.JsonNode;

/**
 * A compiled JSON Schema (draft 2020-12, formats asserted) as Solo uses it everywhere — entity types,
 * agents' contracts — with its errors turned into {@link Violation}s that name the field, the rule in
 * plain words, and where the rule is written.
 */
public final class JsonSchema {
    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            Dialect.builder(Dialects.getDraft202012()).format(new EmailFormat()).build(),
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .pathType(PathType.JSON_POINTER)
                    .build()));

    private final Schema schema;
    private final YamlDocument source;
    private final String at;

    private JsonSchema(Schema schema, YamlDocument source, String at) {
        this.schema = schema;
        this.source = source;
        this.at = at;
    }

    /**
     * Compiles the schema found at pointer {@code at} of a YAML document. Check it first with
     * {@link #problems}: compiling does not validate the schema itself.
     */
    public static JsonSchema compile(YamlDocument source, String at) {
        return new JsonSchema(REGISTRY.getSchema(source.root().at(at)), source, at);
    }

    /** What makes a schema invalid against the JSON Schema meta-schema (fields relative to the schema). */
    public static List<Violation> problems(JsonNode schema) {
        return violations(REGISTRY.getSchema(SchemaLocation.of(META_SCHEMA)).validate(schema), null, "", "field");
    }

    /** The broken rules; {@code noun} names what declares fields ("schema", "contract") in messages. */
    public List<Violation> validate(JsonNode value, String noun) {
        return violations(schema.validate(value), source, at, noun);
    }

    private static List<Violation> violations(List<Error> errors, YamlDocument source, String at, String noun) {
        List<Violation> out = new ArrayList<>(errors.size());
        for (Error e : errors) {
            String field = pointer(e.getInstanceLocation());
            if (e.getProperty() != null && List.of("required", "additionalProperties", "unevaluatedProperties")
                    .contains(e.getKeyword())) {
                field = field + "/" + e.getProperty();
            }
            String where = source == null ? null : source.describe(at + pointer(e.getSchemaLocation().getFragment()));
            out.add(new Violation(field, e.getKeyword(), message(e, noun), where));
        }
        return out;
    }

    /** Plain words for the common rules; otherwise the library's message without its location prefix. */
    private static String message(Error e, String noun) {
        Object[] args = e.getArguments() == null ? new Object[0] : e.getArguments();
        switch (e.getKeyword() == null ? "" : e.getKeyword()) {
            case "additionalProperties", "unevaluatedProperties":
                return "unknown field (the " + noun + " declares no such field)";
            case "required":
                return "required field is missing";
            case "format":
                return args.length > 0 ? "must be a valid " + args[0] : "has the wrong format";
            case "enum":
                return args.length > 0 ? "must be one of " + args[0] : "is not an allowed value";
            default:
                break;
        }
        String m = e.getMessage();
        int colon = m.indexOf(": ");
        return colon >= 0 && (m.startsWith("/") || m.startsWith("$") || m.startsWith(":")) ? m.substring(colon + 2) : m;
    }

    static String pointer(NodePath path) {
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
