package solo.orchestration.runtime;

import solo.support.SoloException;

/** A run row changed since it was read (optimistic locking): read it again and decide again. */
public final class StaleRunException extends SoloException {
    public StaleRunException(String runId, long expectedVersion) {
        super("run " + runId + " changed since version " + expectedVersion + "; try again");
    }
}
