package solo.orchestration.step;

import java.time.Instant;
import java.util.List;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What an attempt of a step came to; the runtime checkpoints it before anything else happens. */
public sealed interface StepOutcome {

    /**
     * Finished with an output; {@code inCheckpoint}, when given, runs inside the checkpoint's transaction.
     * {@code detail}, when given, is recorded on the step in place of what it held (what an agent step
     * learned: model, usage, confidence). {@code followUps} are actions the step asks the runtime to carry
     * out after it, each as its own step through the guard; the step is done when they are.
     */
    record Done(JsonNode output, InCheckpoint inCheckpoint, ObjectNode detail, List<FollowUp> followUps)
            implements StepOutcome {
        public Done {
            followUps = followUps == null ? List.of() : List.copyOf(followUps);
        }

        public Done(JsonNode output, InCheckpoint inCheckpoint) {
            this(output, inCheckpoint, null, List.of());
        }
    }

    /**
     * Waits: for a time ({@code until}), for the operator ({@code gate}, {@code approval},
     * {@code outcome}, {@code task}, {@code budget}), and is resumed by whoever ends the wait.
     * {@code detail} is shown to the operator.
     */
    record Wait(String waitingFor, Instant until, ObjectNode detail) implements StepOutcome {}

    /** Starts a child run of another flow and waits for it; the child's output becomes this step's. */
    record StartChild(String flow, JsonNode input) implements StepOutcome {}

    static StepOutcome done(JsonNode output) {
        return new Done(output, null);
    }

    /** Done, recording {@code detail} on the step, with actions for the runtime to carry out after it. */
    static StepOutcome done(JsonNode output, ObjectNode detail, List<FollowUp> followUps) {
        return new Done(output, null, detail, followUps);
    }

    /** Done, with state writes that commit in the same transaction as the checkpoint; their result is the output. */
    static StepOutcome inCheckpoint(InCheckpoint work) {
        return new Done(null, work);
    }

    static StepOutcome waitFor(String what, Instant until, ObjectNode detail) {
        ObjectNode d = detail == null ? Json.object() : detail;
        d.put("waiting_for", what);
        return new Wait(what, until, d);
    }
}
