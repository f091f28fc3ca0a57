package solo.orchestration.action;

import tools.jackson.databind.JsonNode;

/**
 * An action a step is about to perform, as the {@link ActionGuard} sees it.
 *
 * @param proposedBy who asked for it: an agent's name for an agent's proposal, else null (the flow itself)
 * @param confidence how far the output that asked for it can be trusted, in [0, 1]: the proposing agent's, or
 *     for a flow's own step the lowest of the steps it reads; null when no agent's output feeds it
 * @param proposal the action as the agent proposed it ({@code type, targets, params, reason}), or null
 */
public record ActionRequest(String runId, String flow, String stepId, String action, JsonNode input, String idempotencyKey,
                            String proposedBy, Double confidence, JsonNode proposal) {

    public ActionRequest(String runId, String flow, String stepId, String action, JsonNode input, String idempotencyKey) {
        this(runId, flow, stepId, action, input, idempotencyKey, null, null, null);
    }
}
