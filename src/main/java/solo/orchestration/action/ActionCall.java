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
        boolean outcomeUnknown) {

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
