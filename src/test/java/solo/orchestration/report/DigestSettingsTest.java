package solo.orchestration.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import solo.support.yaml.YamlDocument;

/** solo.yaml's digest section: its defaults, and every mistake named with file:line:column. */
class DigestSettingsTest {
    static DigestSettings read(String yaml) {
        return DigestSettings.read(YamlDocument.parse(Path.of("solo.yaml"), yaml));
    }

    @Test
    void the_digest_is_written_at_eight_and_sent_unless_solo_yaml_says_otherwise() {
        assertThat(read("name: x\n")).isEqualTo(new DigestSettings(LocalTime.of(8, 0), true));
        assertThat(read("digest: {at: \"06:30\", send: false}\n")).isEqualTo(new DigestSettings(LocalTime.of(6, 30), false));
    }

    @Test
    void a_bad_digest_section_is_refused_at_its_place() {
        assertThatThrownBy(() -> read("digest: {at: noon}\n")).hasMessage("solo.yaml:1:14: digest.at must be a time of day like"
                + " \"08:00\", not \"noon\"");
        assertThatThrownBy(() -> read("digest:\n  send: sometimes\n")).hasMessage("solo.yaml:2:9: digest.send must be true or false");
        assertThatThrownBy(() -> read("digest:\n  every: day\n")).hasMessage("solo.yaml:2:3: unknown digest setting 'every' (known: at, send)");
        assertThatThrownBy(() -> read("digest: daily\n")).hasMessage("solo.yaml:1:9: digest must be a mapping (at: \"08:00\", send: true)");
    }
}
