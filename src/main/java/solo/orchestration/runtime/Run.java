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
        Instant finishedAt) {

    /**
     * How long after a run's or a step's {@code finished_at} its commit has surely landed. The time is taken
     * before the commit, so a reader that follows {@code finished_at} with a cursor (memory's run watcher, the
     * step metrics) reads only finish times this old, or a late commit would fall behind its cursor.
     */
    public static final long FINISH_SETTLE_MILLIS = 2_000;
}
