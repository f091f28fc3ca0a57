package solo.execution.webhook;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One {@code http} action as a flow step asks for it. Header values may be references
 * ({@code Authorization: secret:CRM_TOKEN}), resolved only when sending.
 */
public record HttpCall(String method, String url, JsonNode body, Map<String, String> headers) {
    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        method = method.toUpperCase(java.util.Locale.ROOT);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static HttpCall post(String url, JsonNode body) {
        return new HttpCall("POST", url, body, Map.of());
    }
}
