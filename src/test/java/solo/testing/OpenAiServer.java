package solo.testing;

import java.util.Map;
import solo.support.Json;
import tools.jackson.databind.node.ObjectNode;

/** A scripted server speaking OpenAI's chat-completions protocol ({@code POST /v1/chat/completions}). */
public final class OpenAiServer extends ScriptedModelServer {

    public OpenAiServer() {
        super("/v1/chat/completions");
    }

    /** A completion whose message content is {@code content}. */
    public OpenAiServer answer(String content, int promptTokens, int completionTokens) {
        ObjectNode message = Json.object().put("role", "assistant").put("content", content);
        status(200, Map.of(), completion(message, "stop", promptTokens, completionTokens));
        return this;
    }

    /** Answers every request that contains {@code marker} with {@code content} (see {@link #whenAsked}). */
    public OpenAiServer answerWhenAsked(String marker, String content) {
        ObjectNode message = Json.object().put("role", "assistant").put("content", content);
        whenAsked(marker, new Reply(200, Map.of(), completion(message, "stop", 300, 60), java.time.Duration.ZERO));
        return this;
    }

    public OpenAiServer answer(String content) {
        return answer(content, 120, 40);
    }

    /** A completion that asks for one tool call. */
    public OpenAiServer toolCall(String id, String name, String argumentsJson) {
        ObjectNode message = Json.object().put("role", "assistant");
        message.putNull("content");
        var call = message.putArray("tool_calls").addObject().put("id", id).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", argumentsJson);
        status(200, Map.of(), completion(message, "tool_calls", 150, 20));
        return this;
    }

    public OpenAiServer error(int status, Map<String, String> headers) {
        status(status, headers, "{\"error\":{\"message\":\"scripted " + status + "\",\"type\":\"scripted\"}}");
        return this;
    }

    private static String completion(ObjectNode message, String finish, int in, int out) {
        ObjectNode root = Json.object().put("id", "chatcmpl-test").put("object", "chat.completion")
                .put("created", 1_700_000_000L).put("model", "scripted");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.put("finish_reason", finish);
        root.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
        return Json.write(root);
    }
}
