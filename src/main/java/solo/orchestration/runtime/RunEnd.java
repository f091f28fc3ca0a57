package solo.orchestration.runtime;

import java.time.Instant;

/** How a checkpoint ends the worker's lease on its run, in the same transaction (null: it does not). */
sealed interface RunEnd {
    /** The run waits: until {@code wakeAt}, or (null) until someone wakes it. */
    record Park(Instant wakeAt) implements RunEnd {}

    /** The run completed; its output is the flow's {@code output:} or the last step's output. */
    record Complete() implements RunEnd {}

    /** The run failed; {@code decided} when a decision (a rejection, a gate's default) failed it, not an error. */
    record Fail(String error, boolean decided) implements RunEnd {
        Fail(String error) {
            this(error, false);
        }
    }
}
