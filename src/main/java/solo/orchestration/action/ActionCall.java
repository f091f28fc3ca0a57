package solo.orchestration.action;

import solo.state.Actor;
import solo.state.Store;
import tools.jackson.databind.JsonNode;

/**
 * One attempt of one action.
 *
 * @param idempotencyKey derived from the run and the step (and the foreach item): the same on every
 *     attempt and after restarts, never random; record it with the effect so a repeat is recognised
 * @param outcomeUnknown an earlier attempt began and a crash hid whether it took effect
 * @param detail what the step's last checkpoint recorded (the operator's answer to an unknown outcome), or null
 */
public record ActionCall(
        String runId,
        String flow,
        String stepId,
        String idempotencyKey,
        int attempt,
        JsonNode input,
        Actor.Step actor,
        Store store,
        boolean outcomeUnknown,
        JsonNode detail) {

    public ActionCall(String runId, String flow, String stepId, String idempotencyKey, int attempt, JsonNode input,
            Actor.Step actor, Store store, boolean outcomeUnknown) {
        this(runId, flow, stepId, idempotencyKey, attempt, input, actor, store, outcomeUnknown, null);
    }

    /** True when the operator said an earlier attempt whose outcome was unknown did not take effect. */
    public boolean operatorSaidNotDone() {
        return detail != null && detail.has("answer") && !detail.path("answer").path("approved").asBoolean(true)
                && "outcome".equals(detail.path("answered").asString(""));
    }

    /** A text input field, or a refusal naming it. */
    public String text(String field) {
        JsonNode v = input == null ? null : input.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            throw new InvalidActionInputException(stepId + ": input '" + field + "' must be text");
        }
        return v.asString();
    }

    public String text(String field, String fallback) {
        JsonNode v = input == null ? null : input.get(field);
        return v == null || v.isNull() ? fallback : v.asString();
    }
}
