package solo.state.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import solo.support.Json;
import solo.support.SoloException;
import solo.support.yaml.YamlException;

class SchemaLoaderTest {
    @TempDir
    Path company;

    private Path schema(String file, String yaml) throws IOException {
        Path dir = Files.createDirectories(company.resolve("schema"));
        Files.writeString(dir.resolve(file), yaml);
        return dir;
    }

    @Test
    void a_type_is_named_after_its_file_and_validates_bodies_naming_the_rule_line() throws IOException {
        Path dir = schema("gadget.yaml", """
                type: object
                properties:
                  weight:
                    type: number
                    maximum: 10
                """);
        EntityType gadget = CompanySchema.load(dir).type("gadget");

        assertThat(gadget.validate(Json.object().put("weight", 3))).isEmpty();
        assertThat(gadget.validate(Json.object().put("weight", 30)))
                .singleElement().hasToString("/weight: must have a maximum value of 10 [maximum at schema/gadget.yaml:5:14]");
    }

    @Test
    void a_file_that_is_not_valid_yaml_is_refused_with_file_line_and_column() throws IOException {
        Path dir = schema("gadget.yaml", "type: object\nproperties:\n  weight: [1, 2\n");

        assertThatThrownBy(() -> CompanySchema.load(dir)).isInstanceOf(YamlException.class)
                .hasMessageStartingWith("schema/gadget.yaml:4:1: invalid YAML");
    }

    @Test
    void a_duplicate_key_is_refused_where_it_repeats() throws IOException {
        Path dir = schema("gadget.yaml", "type: object\ntype: string\n");

        assertThatThrownBy(() -> CompanySchema.load(dir)).hasMessage("schema/gadget.yaml:2:1: duplicate key 'type'");
    }

    @Test
    void a_file_that_is_not_a_valid_json_schema_is_refused_at_the_offending_keyword() throws IOException {
        Path dir = schema("gadget.yaml", """
                type: object
                properties:
                  weight:
                    type: number
                    minimum: lots
                """);

        CompanySchema schema = CompanySchema.load(dir); // reading alone does not compile schemas
        assertThatThrownBy(schema::checkAll)
                .hasMessageStartingWith("schema/gadget.yaml:5:14: not a valid JSON Schema: /properties/weight/minimum");
        assertThatThrownBy(() -> schema.type("gadget").validate(Json.object()))
                .hasMessageStartingWith("schema/gadget.yaml:5:14: not a valid JSON Schema");
    }

    @Test
    void an_entity_type_must_describe_an_object() throws IOException {
        Path dir = schema("gadget.yaml", "type: string\n");

        assertThatThrownBy(() -> CompanySchema.load(dir))
                .hasMessage("schema/gadget.yaml:1:7: an entity type's schema must say type: object");
    }

    @Test
    void link_types_name_only_declared_entity_types_and_known_fields() throws IOException {
        schema("gadget.yaml", "type: object\n");
        Path dir = schema("links.yaml", "part_of:\n  from: [gadget]\n  to: [widget]\n");
        assertThatThrownBy(() -> CompanySchema.load(dir)).hasMessage("schema/links.yaml:3:8: unknown entity type 'widget'");

        schema("links.yaml", "part_of:\n  from: [gadget]\n  too: [gadget]\n");
        assertThatThrownBy(() -> CompanySchema.load(dir))
                .hasMessage("schema/links.yaml:3:3: unknown field 'too' (expected description, from, to)");
    }

    @Test
    void a_missing_schema_folder_is_named() {
        assertThatThrownBy(() -> CompanySchema.load(company.resolve("schema"))).isInstanceOf(SoloException.class)
                .hasMessageEndingWith("schema: schema folder not found");
    }
}
