package solo.state.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.List;
import solo.state.Violation;
import solo.support.yaml.YamlDocument;
import tools.jackson.databind.JsonNode;

/** A compiled JSON Schema (draft 2020-12, formats asserted) and the mapping of its errors to violations. */
final class SchemaCheck {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .pathType(PathType.JSON_POINTER)
                    .build()));
    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private final Schema schema;

    private SchemaCheck(Schema schema) {
        this.schema = schema;
    }

    static SchemaCheck compile(JsonNode schemaNode) {
        return new SchemaCheck(REGISTRY.getSchema(schemaNode));
    }

    /** Checks a schema document against the JSON Schema meta-schema. */
    static List<Violation> checkSchema(YamlDocument document) {
        return violations(REGISTRY.getSchema(com.networknt.schema.SchemaLocation.of(META_SCHEMA))
                .validate(document.root()), null);
    }

    List<Violation> validate(JsonNode body, YamlDocument source) {
        return violations(schema.validate(body), source);
    }

    private static List<Violation> violations(List<Error> errors, YamlDocument source) {
        List<Violation> out = new ArrayList<>(errors.size());
        for (Error e : errors) {
            String field = pointer(e.getInstanceLocation());
            if (e.getProperty() != null && ("required".equals(e.getKeyword())
                    || "additionalProperties".equals(e.getKeyword())
                    || "unevaluatedProperties".equals(e.getKeyword()))) {
                field = field + "/" + e.getProperty();
            }
            String where = source == null ? null
                    : source.describe(pointer(e.getSchemaLocation().getFragment()));
            out.add(new Violation(field, e.getKeyword(), message(e), where));
        }
        return out;
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

    /** Plain words for the common rules; otherwise the library's message without its location prefix. */
    private static String message(Error e) {
        Object[] args = e.getArguments() == null ? new Object[0] : e.getArguments();
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        switch (keyword) {
            case "additionalProperties", "unevaluatedProperties":
                return "unknown field (the schema declares no such field)";
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
}
