package solo.testing;

import java.util.Map;
import solo.support.Json;
import tools.jackson.databind.node.ObjectNode;

/** A scripted server speaking Anthropic's messages API ({@code POST /v1/messages}). */
public final class AnthropicServer extends ScriptedModelServer {

    public AnthropicServer() {
        super("/v1/messages");
    }

    public AnthropicServer answer(String text, int inputTokens, int outputTokens) {
        ObjectNode root = Json.object().put("id", "msg_test").put("type", "message").put("role", "assistant")
                .put("model", "scripted");
        root.putArray("content").addObject().put("type", "text").put("text", text);
        root.put("stop_reason", "end_turn");
        root.putNull("stop_sequence");
        root.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", outputTokens);
        status(200, Map.of(), Json.write(root));
        return this;
    }

    public AnthropicServer answer(String text) {
        return answer(text, 200, 60);
    }

    public AnthropicServer error(int status, String type, Map<String, String> headers) {
        status(status, headers, "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"scripted\"}}");
        return this;
    }
}
