package solo.state.schema;

import java.nio.file.Path;
import java.util.List;
import solo.state.Violation;
import solo.support.yaml.YamlDocument;
import tools.jackson.databind.JsonNode;

/** A declared entity type: its name (the schema file's name) and the JSON Schema its bodies satisfy. */
public final class EntityType {
    private final String name;
    private final YamlDocument source;
    private volatile JsonSchema check;

    EntityType(String name, YamlDocument source) {
        this.name = name;
        this.source = source;
    }

    public String name() {
        return name;
    }

    public Path file() {
        return source.file();
    }

    /** The JSON Schema, as written in the type's YAML file. */
    public JsonNode schema() {
        return source.root();
    }

    public String title() {
        JsonNode title = source.root().get("title");
        return title == null ? name : title.asString();
    }

    /** The broken rules, each naming the field, the rule and where in the schema file the rule is. */
    public List<Violation> validate(JsonNode body) {
        return check().validate(body, "schema");
    }

    /**
     * The compiled schema, made on first use: checking a schema against the JSON Schema meta-schema and
     * compiling it costs about half a second of start-up, which commands that only read should not pay.
     * A schema that is not valid JSON Schema is refused here, naming its file, line and column.
     */
    JsonSchema check() {
        JsonSchema c = check;
        if (c == null) {
            synchronized (this) {
                if (check == null) {
                    check = SchemaLoader.compile(source);
                }
                c = check;
            }
        }
        return c;
    }
}
