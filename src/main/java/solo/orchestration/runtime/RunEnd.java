package solo.orchestration.runtime;

import java.time.Instant;

/** How a checkpoint ends the worker's lease on its run, in the same transaction (null: it does not). */
sealed interface RunEnd {
    /** The run waits: until {@code wakeAt}, or (null) until someone wakes it. */
    record Park(Instant wakeAt) implements RunEnd {}

    /** The run completed; its output is the flow's {@code output:} or the last step's output. */
    record Complete() implements RunEnd {}

    record Fail(String error) implements RunEnd {}
}
