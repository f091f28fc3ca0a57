package solo.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import solo.support.yaml.YamlDocument;
import solo.support.yaml.YamlLocation;

class YamlDocumentTest {
    private final YamlDocument doc = YamlDocument.parse(Path.of("flows/x.yaml"), """
            name: lead
            steps:
              - id: score
                retries: 3
                enabled: true
                ratio: 0.5
                nothing: ~
              - id: "with/slash"
            """);

    @Test
    void scalars_become_typed_json_values() {
        assertThat(doc.root().at("/steps/0/retries").isInt()).isTrue();
        assertThat(doc.root().at("/steps/0/enabled").asBoolean()).isTrue();
        assertThat(doc.root().at("/steps/0/ratio").asDouble()).isEqualTo(0.5);
        assertThat(doc.root().at("/steps/0/nothing").isNull()).isTrue();
        assertThat(doc.root().at("/steps/1/id").asString()).isEqualTo("with/slash");
    }

    @Test
    void every_node_knows_its_line_and_column() {
        assertThat(doc.locate("/steps/0/retries")).isEqualTo(new YamlLocation(4, 14));
        assertThat(doc.describe("/steps/1")).isEqualTo("flows/x.yaml:8:5");
    }

    @Test
    void a_pointer_without_a_node_is_placed_at_its_nearest_parent() {
        assertThat(doc.describe("/steps/0/missing/deeper")).isEqualTo("flows/x.yaml:3:5");
    }
}
