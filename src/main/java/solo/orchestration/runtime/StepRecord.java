package solo.orchestration.runtime;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A step's row in the step log: its last checkpoint. {@code detail} says what a waiting step waits for
 * ({@code {"waiting_for": "gate", ...}}), what a policy decided, or which child run it started.
 */
public record StepRecord(
        String runId,
        String stepId,
        String kind,
        StepStatus status,
        int attempts,
        JsonNode input,
        JsonNode output,
        String error,
        String stack,
        Instant wakeAt,
        JsonNode detail,
        Instant startedAt,
        Instant finishedAt) {

    public StepRecord with(StepStatus newStatus) {
        return new StepRecord(runId, stepId, kind, newStatus, attempts, input, output, error, stack, wakeAt, detail,
                startedAt, finishedAt);
    }

    public StepRecord withOutput(JsonNode newOutput) {
        return new StepRecord(runId, stepId, kind, status, attempts, input, newOutput, error, stack, wakeAt, detail,
                startedAt, finishedAt);
    }

    public StepRecord withDetail(JsonNode newDetail) {
        return new StepRecord(runId, stepId, kind, status, attempts, input, output, error, stack, wakeAt, newDetail,
                startedAt, finishedAt);
    }

    /** What a waiting step waits for: gate, approval, timer, child, outcome; null otherwise. */
    public String waitingFor() {
        return detail == null ? null : detail.path("waiting_for").asString(null);
    }
}
