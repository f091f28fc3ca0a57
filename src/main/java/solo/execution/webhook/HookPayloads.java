package solo.execution.webhook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import solo.support.InvalidJsonException;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A hook's body as JSON: JSON as it is, a web form's fields as an object. Anything else is refused. */
final class HookPayloads {
    private HookPayloads() {}

    /** The payload; throws {@link IllegalArgumentException} with a reason fit for the caller. */
    static JsonNode parse(String contentType, byte[] body) {
        String type = contentType == null ? "application/json" : contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        String text = new String(body, StandardCharsets.UTF_8);
        if (type.equals("application/json") || type.endsWith("+json")) {
            try {
                return text.isBlank() ? Json.object() : Json.parse(text, "body");
            } catch (InvalidJsonException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
        if (type.equals("application/x-www-form-urlencoded")) {
            ObjectNode fields = Json.object();
            for (String pair : text.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.put(key, value);
            }
            return fields;
        }
        throw new IllegalArgumentException("unsupported content type '" + type
                + "': send application/json or application/x-www-form-urlencoded");
    }
}
