package solo.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import solo.memory.embed.EmbeddingModels;
import solo.support.yaml.YamlDocument;

/** solo.yaml's memory section: defaults, overrides, and errors that name file:line:column. */
class MemoryConfigTest {
    private static MemoryConfig read(String yaml) {
        return MemoryConfig.read(YamlDocument.parse(Path.of("solo.yaml"), yaml));
    }

    @Test
    void defaults_and_overrides() {
        MemoryConfig d = read("name: x\n");
        assertThat(d.retention()).containsEntry("working", Duration.ofDays(7)).containsEntry("draft", Duration.ofDays(90));
        assertThat(d.discardCompleted()).isTrue();
        assertThat(d.discardFailed()).isFalse();
        MemoryConfig c = read("""
                memory:
                  model: bge-small-en-v1.5-q
                  retention: {draft: keep, transcript: 6m, working: 12h, recently_used: 2w}
                  summaries: {recent_events: 3, artifacts: 0}
                  working_memory: {completed: archive, failed: discard}
                """);
        assertThat(c.model()).isEqualTo(EmbeddingModels.BGE_SMALL_EN_V15_Q);
        assertThat(c.retention()).doesNotContainKey("draft").containsEntry("transcript", Duration.ofDays(180))
                .containsEntry("working", Duration.ofHours(12));
        assertThat(c.recentlyUsed()).isEqualTo(Duration.ofDays(14));
        assertThat(c.digestEvents()).isEqualTo(3);
        assertThat(c.digestArtifacts()).isZero();
        assertThat(c.discardCompleted()).isFalse();
        assertThat(c.discardFailed()).isTrue();
    }

    @Test
    void mistakes_are_refused_with_where_they_are() {
        assertThatThrownBy(() -> read("memory:\n  retention:\n    draft: soon\n"))
                .hasMessageContaining("solo.yaml:3:12").hasMessageContaining("memory.retention.draft: 'soon' is not an age");
        assertThatThrownBy(() -> read("memory:\n  modle: x\n")).hasMessageContaining("solo.yaml:2:3")
                .hasMessageContaining("unknown memory setting 'modle'");
        assertThatThrownBy(() -> read("memory:\n  model: gpt\n")).hasMessageContaining("memory.model: unknown embedding model: gpt");
        assertThatThrownBy(() -> read("memory:\n  working_memory: {completed: keep}\n"))
                .hasMessageContaining("memory.working_memory.completed must be discard or archive");
    }
}
