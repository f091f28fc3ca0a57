package solo.interfaces.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.Locale;
import solo.state.Actor;

/**
 * Who the assistant is, for events and policies: {@code assistant:NAME}, NAME the client's name from the
 * MCP handshake (Claude Desktop → {@code claude-desktop}), cut down to what an actor's name may hold.
 * The name is the client's own claim; the access token (HTTP) or the operator's own machine (stdio) is
 * what lets it in.
 */
final class AssistantName {
    static final String UNNAMED = "unnamed";

    private AssistantName() {}

    static Actor.Assistant of(McpSchema.Implementation client) {
        return new Actor.Assistant(sanitize(client == null ? null : client.name()));
    }

    static String sanitize(String name) {
        if (name == null) {
            return UNNAMED;
        }
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "")
                .replaceAll("-+$", "");
        if (s.length() > 64) {
            s = s.substring(0, 64).replaceAll("[-._]+$", "");
        }
        return s.isEmpty() ? UNNAMED : s;
    }
}
