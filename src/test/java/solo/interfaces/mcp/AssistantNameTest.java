package solo.interfaces.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import solo.state.Actor;

class AssistantNameTest {
    @Test
    void a_clients_name_becomes_an_actors_name() {
        assertThat(AssistantName.sanitize("Claude Desktop")).isEqualTo("claude-desktop");
        assertThat(AssistantName.sanitize("  --my/agent v2.1!! ")).isEqualTo("my-agent-v2.1");
        assertThat(AssistantName.sanitize("émoji 🤖")).isEqualTo("moji");
        assertThat(AssistantName.sanitize("🤖")).isEqualTo("unnamed");
        assertThat(AssistantName.sanitize(null)).isEqualTo("unnamed");
        assertThat(AssistantName.sanitize("x".repeat(100))).hasSize(64);
        assertThat(AssistantName.of(new McpSchema.Implementation("Cursor", "1.0")).text()).isEqualTo("assistant:cursor");
        assertThat(Actor.parse(AssistantName.of(null).text())).isEqualTo(new Actor.Assistant("unnamed"));
    }
}
