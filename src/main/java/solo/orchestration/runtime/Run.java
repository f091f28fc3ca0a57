package solo.orchestration.runtime;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One execution of one version of a flow, as its row in the run table. */
public record Run(
        String id,
        String flow,
        int flowVersion,
        RunStatus status,
        JsonNode input,
        JsonNode trigger,
        String parentRun,
        String parentStep,
        String forkedFrom,
        JsonNode output,
        String error,
        String leaseOwner,
        Instant leaseUntil,
        Instant wakeAt,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt) {}
