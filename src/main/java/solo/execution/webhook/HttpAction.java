package solo.execution.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import solo.orchestration.action.Action;
import solo.orchestration.action.ActionCall;
import solo.orchestration.action.InvalidActionInputException;
import solo.orchestration.step.NonRetryableException;
import solo.orchestration.step.StepOutcome;
import solo.support.InvalidJsonException;
import solo.support.Json;
import solo.support.SoloException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code http}: {@code {url, method?, body?, headers?}} through {@link HttpActions}, with the step's
 * idempotency key as the {@code Idempotency-Key} header, so a receiver that honours it recognises a repeat.
 * Solo cannot ask the receiver whether a request a crash interrupted arrived, so such an attempt is not
 * repeated blindly: the step waits for the operator ({@code waiting_for: outcome}).
 */
public final class HttpAction implements Action {
    private final HttpActions http;

    public HttpAction(HttpActions http) {
        this.http = http;
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public Set<String> requiredInputs() {
        return Set.of("url");
    }

    @Override
    public boolean hasOutsideEffects() {
        return true;
    }

    @Override
    public java.util.List<String> check(JsonNode input, solo.state.Store store) {
        java.util.List<String> problems = Action.texts(input, "url", "method");
        if (input.has("headers") && !input.get("headers").isObject()) {
            problems.add("headers: must be an object of texts");
        }
        return problems;
    }

    @Override
    public StepOutcome perform(ActionCall call) {
        JsonNode in = call.input();
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode h = in.path("headers");
        if (!h.isMissingNode() && !h.isObject()) {
            throw new InvalidActionInputException(call.stepId() + ": input 'headers' must be an object of texts");
        }
        h.properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
        JsonNode body = in.get("body");
        HttpCall request = new HttpCall(call.text("method", "POST"), call.text("url"), body == null || body.isNull() ? null : body,
                headers);
        return switch (http.call(request, call.idempotencyKey())) {
            case HttpOutcome.Succeeded ok -> StepOutcome.done(response(ok));
            case HttpOutcome.Failed f when f.retryable() -> throw new SoloException(f.reason() + " (after " + f.attempts()
                    + " attempt" + (f.attempts() == 1 ? "" : "s") + ")");
            case HttpOutcome.Failed f -> throw new NonRetryableException(f.reason());
            case HttpOutcome.Refused r -> throw new NonRetryableException("http action refused: " + r.reason());
        };
    }

    private static ObjectNode response(HttpOutcome.Succeeded ok) {
        ObjectNode out = Json.object().put("status", ok.status()).put("attempts", ok.attempts());
        try {
            out.set("body", ok.body().isBlank() ? null : Json.parse(ok.body(), "the response"));
        } catch (InvalidJsonException notJson) {
            out.put("body", ok.body());
        }
        return out;
    }
}
