package solo.execution.cache;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessageSerializer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import solo.execution.model.ModelClient;
import solo.execution.model.ModelRequest;
import solo.support.Json;

/**
 * The identity of a model call: provider, model, messages and every parameter that can change the answer
 * (temperature, output cap, JSON mode, tools offered). Two calls with the same key are the same call.
 */
public final class CacheKey {
    // bump when the key's recipe changes, so that old entries are simply never found again
    private static final String VERSION = "solo-cache-1";

    private CacheKey() {}

    public static String of(ModelClient client, ModelRequest request) {
        var key = Json.object()
                .put("v", VERSION)
                .put("provider", client.provider())
                .put("model", client.model())
                .put("json_mode", client.jsonMode());
        key.put("temperature", client.route().temperature() == null ? null : client.route().temperature().toString());
        Integer max = client.maxOutputTokens(request);
        key.put("max_output_tokens", max == null ? null : max.toString());
        var tools = key.putArray("tools");
        for (ToolSpecification t : request.tools()) {
            tools.add(t.name() + ":" + t.parameters());
        }
        key.put("messages", ChatMessageSerializer.messagesToJson(request.messages()));
        return sha256(Json.write(key));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
