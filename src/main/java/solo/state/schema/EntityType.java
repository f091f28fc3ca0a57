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
    private final SchemaCheck check;

    EntityType(String name, YamlDocument source, SchemaCheck check) {
        this.name = name;
        this.source = source;
        this.check = check;
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
        return check.validate(body, source);
    }
}
