package solo.orchestration.action;

import tools.jackson.databind.JsonNode;

/** An action a step is about to perform, as the {@link ActionGuard} sees it. */
public record ActionRequest(String runId, String flow, String stepId, String action, JsonNode input, String idempotencyKey) {}
